using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>
/// An administrator links a user with the Partner role of the office to an organisation of the directory, chosen by id or
/// by e-mail address. A partner account belongs to one organisation: linking it to another moves it.
/// </summary>
internal sealed record LinkPartnerAccount(Guid OrganisationId, Guid? UserId, string? Email = null) : ICommand<Unit>;

/// <summary>An administrator ends a partner account's link to an organisation; the user keeps their account and role, and sees no referrals any more.</summary>
internal sealed record UnlinkPartnerAccount(Guid OrganisationId, Guid UserId) : ICommand<Unit>;

/// <summary>The partner accounts linked to an organisation, and the office's partner users an administrator may link to it.</summary>
internal sealed record ListPartnerAccounts(Guid OrganisationId) : IQuery<PartnerAccountsView>;

internal sealed record PartnerAccountsView(IReadOnlyList<LinkedPartnerAccount> Linked, IReadOnlyList<PartnerCandidate> Candidates);

/// <summary>A linked account; <paramref name="HasPartnerRole"/> is false when the role was taken away since (the link then gives no access).</summary>
internal sealed record LinkedPartnerAccount(Guid UserId, string DisplayName, string? Email, bool HasPartnerRole);

/// <summary>A partner user of the office not linked to this organisation; <paramref name="LinkedOrganisation"/> names the one they are linked to now, if any.</summary>
internal sealed record PartnerCandidate(Guid UserId, string DisplayName, string? Email, string? LinkedOrganisation);

internal static class PartnerAccountErrors
{
    public static readonly Error NoOffice = Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");

    public static readonly Error OrganisationNotFound = Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");

    public static readonly Error UserNotFound = Error.NotFound("user-not-found", "Diese Person gibt es in Ihrer Beratungsstelle nicht.");
}

internal sealed class LinkPartnerAccountHandler(ReferralsDbContext db, ICurrentUser user, IOfficeDirectory offices, IAuditTrail audit) : ICommandHandler<LinkPartnerAccount, Unit>
{
    public async Task<Result<Unit>> Handle(LinkPartnerAccount command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return PartnerAccountErrors.NoOffice;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
        {
            return PartnerAccountErrors.OrganisationNotFound;
        }

        var field = "userId";
        StaffMember? partner;
        if (command.UserId is { } userId && userId != Guid.Empty)
        {
            partner = await offices.GetUserAsync(new UserId(userId), cancellationToken);
            if (partner is null || partner.OfficeId != office)
            {
                return PartnerAccountErrors.UserNotFound;
            }
        }
        else if (command.Email?.Trim() is { Length: > 0 } email)
        {
            field = "email";
            partner = await offices.FindStaffByEmailAsync(office, email, cancellationToken);
            if (partner is null)
            {
                return Error.Validation(field, $"In Ihrer Beratungsstelle gibt es kein Konto mit der E-Mail-Adresse {email}.");
            }
        }
        else
        {
            return Error.Validation("userId", "Bitte eine Person mit der Rolle Partnerorganisation wählen oder ihre E-Mail-Adresse angeben.");
        }

        if (!partner.Roles.Contains(Roles.Partner))
        {
            return Error.Validation(
                field,
                $"{partner.DisplayName} hat nicht die Rolle Partnerorganisation. Nur Konten mit dieser Rolle können mit einer Organisation verknüpft werden; die Rolle vergibt die Administration unter „Benutzer*innen“.");
        }

        var existing = await db.PartnerAccounts.SingleOrDefaultAsync(a => a.UserId == partner.Id, cancellationToken);
        if (existing?.OrganisationId == command.OrganisationId)
        {
            return Unit.Value;
        }

        if (existing is not null)
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "PartnerAccount", partner.Id.ToString(),
                Details: $"organisation: {existing.OrganisationId} -> {command.OrganisationId}"), cancellationToken);
            existing.MoveTo(command.OrganisationId);
        }
        else
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Create, "PartnerAccount", partner.Id.ToString(),
                Details: $"organisation: {command.OrganisationId}"), cancellationToken);
            db.PartnerAccounts.Add(new PartnerAccount(partner.Id, office, command.OrganisationId));
        }

        return Unit.Value;
    }
}

internal sealed class UnlinkPartnerAccountHandler(ReferralsDbContext db, ICurrentUser user, IAuditTrail audit) : ICommandHandler<UnlinkPartnerAccount, Unit>
{
    public async Task<Result<Unit>> Handle(UnlinkPartnerAccount command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is null)
        {
            return PartnerAccountErrors.NoOffice;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
        {
            return PartnerAccountErrors.OrganisationNotFound;
        }

        var userId = new UserId(command.UserId);
        var account = await db.PartnerAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.OrganisationId == command.OrganisationId, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("partner-account-not-found", "Diese Person ist mit der Organisation nicht verknüpft.");
        }

        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Delete, "PartnerAccount", command.UserId.ToString(),
            Details: $"organisation: {command.OrganisationId}"), cancellationToken);
        db.PartnerAccounts.Remove(account);
        return Unit.Value;
    }
}

internal sealed class ListPartnerAccountsHandler(ReferralsDbContext db, ICurrentUser user, IOfficeDirectory offices) : IQueryHandler<ListPartnerAccounts, PartnerAccountsView>
{
    public async Task<Result<PartnerAccountsView>> Handle(ListPartnerAccounts query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return PartnerAccountErrors.NoOffice;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == query.OrganisationId, cancellationToken))
        {
            return PartnerAccountErrors.OrganisationNotFound;
        }

        var accounts = await db.PartnerAccounts.AsNoTracking().ToListAsync(cancellationToken);
        var organisationIds = accounts.Select(a => a.OrganisationId).Distinct().ToList();
        var organisationNames = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var staff = (await offices.GetStaffAsync(office, null, cancellationToken)).ToDictionary(s => s.Id);

        var linked = accounts
            .Where(a => a.OrganisationId == query.OrganisationId)
            .Select(a => staff.TryGetValue(a.UserId, out var s)
                ? new LinkedPartnerAccount(a.UserId.Value, s.DisplayName, s.Email, s.Roles.Contains(Roles.Partner))
                : new LinkedPartnerAccount(a.UserId.Value, a.UserId.Value.ToString(), null, false))
            .OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var linkedElsewhere = accounts.ToDictionary(a => a.UserId, a => organisationNames.GetValueOrDefault(a.OrganisationId));
        var candidates = staff.Values
            .Where(s => s.Roles.Contains(Roles.Partner) && linked.All(l => l.UserId != s.Id.Value))
            .Select(s => new PartnerCandidate(s.Id.Value, s.DisplayName, s.Email, linkedElsewhere.GetValueOrDefault(s.Id)))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new PartnerAccountsView(linked, candidates);
    }
}
