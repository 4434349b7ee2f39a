using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>An administrator links a user with the Partner role of the office to an organisation of the directory.</summary>
internal sealed record LinkPartnerAccount(Guid OrganisationId, Guid UserId) : ICommand<Unit>;

internal sealed class LinkPartnerAccountHandler(ReferralsDbContext db, ICurrentUser user, IOfficeDirectory offices) : ICommandHandler<LinkPartnerAccount, Unit>
{
    public async Task<Result<Unit>> Handle(LinkPartnerAccount command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
        {
            return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
        }

        var partner = await offices.GetUserAsync(new UserId(command.UserId), cancellationToken);
        if (partner is null || partner.OfficeId != office || !partner.Roles.Contains(Roles.Partner))
        {
            return Error.Validation("userId", "Bitte eine Person mit der Rolle Partner aus Ihrer Beratungsstelle wählen.");
        }

        var existing = await db.PartnerAccounts.SingleOrDefaultAsync(a => a.UserId == partner.Id, cancellationToken);
        if (existing is not null)
        {
            existing.MoveTo(command.OrganisationId);
        }
        else
        {
            db.PartnerAccounts.Add(new PartnerAccount(partner.Id, office, command.OrganisationId));
        }

        return Unit.Value;
    }
}
