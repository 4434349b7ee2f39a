using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Partner;

/// <summary>Everything sent to the signed-in partner contact's organisation, open first (no client names in the list).</summary>
internal sealed record ListPartnerReferrals : IQuery<IReadOnlyList<PartnerReferralItem>>;

internal sealed record PartnerReferralItem(Guid Id, string RecipientName, string Status, string Urgency, DateTimeOffset? SentAt, int? WaitlistPosition);

internal sealed class ListPartnerReferralsHandler(ReferralsDbContext db, ICurrentUser user) : IQueryHandler<ListPartnerReferrals, IReadOnlyList<PartnerReferralItem>>
{
    public async Task<Result<IReadOnlyList<PartnerReferralItem>>> Handle(ListPartnerReferrals query, CancellationToken cancellationToken)
    {
        var account = user.UserId is { } userId
            ? await db.PartnerAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken)
            : null;
        if (account is null)
        {
            return Result<IReadOnlyList<PartnerReferralItem>>.Success([]);
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.OrganisationId == account.OrganisationId && r.Status != ReferralStatus.Draft)
            .OrderByDescending(r => r.SentAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        return referrals
            .OrderBy(r => r.IsOpen ? 0 : 1)
            .Select(r => new PartnerReferralItem(r.Id, r.RecipientName, ReferralCodes.Code(r.Status), ReferralCodes.Code(r.Urgency), r.SentAt, r.WaitlistPosition))
            .ToList();
    }
}
