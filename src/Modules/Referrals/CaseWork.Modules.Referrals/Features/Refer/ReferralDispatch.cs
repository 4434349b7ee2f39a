using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Refer;

/// <summary>The service a referral goes to and the client's needs it is for, as found in the directory and the case file now.</summary>
internal sealed record ReferralTarget(ReferralRecipient Recipient, IReadOnlyList<ReferralNeed> Needs, string OrganisationName, string? AgencyEmail);

/// <summary>A sent referral's receipt, and the supervisor's override it relied on (if any) for the audit trail.</summary>
internal sealed record ReferralSendOutcome(ReferralSentReceipt Receipt, ConsentOverride? Override);

/// <summary>
/// What sending a new referral and sending a saved draft share: finding the recipient and the needs, and the send itself
/// (consent gate, public-body acknowledgement, the agency's secret link, <c>ReferralSent</c>). Saving a draft uses only
/// <see cref="ResolveAsync"/>: a draft needs no consent, the gate decides when it is sent.
/// </summary>
internal sealed class ReferralDispatch(
    ReferralsDbContext db,
    ICurrentUser user,
    TimeProvider time,
    IAuditTrail audit,
    IOfficeDirectory offices,
    ClientDirectoryAccess clients)
{
    /// <summary>The service (of this office's directory) and the chosen needs (of this client's case file), or why not.</summary>
    public async Task<Result<ReferralTarget>> ResolveAsync(OfficeId office, Guid clientId, Guid serviceId, IReadOnlyList<Guid> needIds, CancellationToken cancellationToken)
    {
        if (clients.Directory is not { } directory)
        {
            return Error.Conflict("clients-module-unavailable", "Ohne das Modul Klient*innen kann weder die Einwilligung noch das Anliegen geprüft werden.");
        }

        // The client first: someone else's client is not found, whatever else is wrong with the request.
        var client = ClientId.From(clientId);
        var needs = await directory.GetNeedsAsync(office, client, cancellationToken);
        if (needs.Count == 0 && await directory.GetDisplaySummaryAsync(office, client, cancellationToken) is null)
        {
            return Error.NotFound("client-not-found", "Diese Klientin oder diesen Klienten gibt es in Ihrer Beratungsstelle nicht.");
        }

        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return Error.Validation("serviceId", "Dieses Angebot gibt es im Verzeichnis Ihrer Beratungsstelle nicht.");
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == service.OrganisationId, cancellationToken);

        var chosen = needs.Where(n => needIds.Contains(n.NeedId)).ToList();
        if (chosen.Count != needIds.Distinct().Count())
        {
            return Error.Validation("needIds", "Mindestens ein gewähltes Anliegen gehört nicht zu dieser Fallakte.");
        }

        return new ReferralTarget(
            new ReferralRecipient(service.Id, organisation.Id, $"{service.Name} ({organisation.Name})", service.Type, service.IsPublicBody),
            chosen.Select(n => new ReferralNeed(Guid.Empty, n.NeedId, n.Area)).ToList(),
            organisation.Name,
            service.Email ?? organisation.Email);
    }

    /// <summary>
    /// Sends a draft (new or saved) if a valid consent covers its recipient and categories today, or a supervisor overrides
    /// with a written reason; issues the agency's link and publishes <c>ReferralSent</c>. Nothing is saved here: the
    /// command's unit of work saves it, or nothing when this fails.
    /// </summary>
    public async Task<Result<ReferralSendOutcome>> SendAsync(
        Referral referral, ReferralTarget target, bool publicBodyWarningAcknowledged, string? consentOverrideReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(target);
        if (user.OfficeId is not { } office || user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        if (clients.Directory is not { } directory)
        {
            return Error.Conflict("clients-module-unavailable", "Ohne das Modul Klient*innen kann weder die Einwilligung noch das Anliegen geprüft werden.");
        }

        if (referral.Needs.Count == 0)
        {
            return Error.Validation("needIds", "Bitte mindestens ein Anliegen wählen.");
        }

        if (referral.SharedCategoryList.Count == 0)
        {
            return Error.Validation("categories", "Bitte wählen Sie, welche Angaben geteilt werden.");
        }

        var now = time.GetUtcNow();
        // Valid "today" is the office's today, not the UTC date (yesterday there for an hour or two after midnight).
        var today = await OfficeSettingsReader.TodayAsync(offices, office, time, cancellationToken);
        var answer = await directory.CheckConsentAsync(
            new ConsentCheck(office, ClientId.From(referral.ClientId), target.OrganisationName, target.Recipient.OrganisationId, referral.SharedCategoryList,
                today), cancellationToken);
        ConsentOverride? supervisorOverride = null;
        if (!string.IsNullOrWhiteSpace(consentOverrideReason))
        {
            if (!user.IsInRole(Roles.Supervisor))
            {
                return Error.Validation("consentOverrideReason", "Nur die Teamleitung kann ohne Einwilligung weitervermitteln.");
            }

            supervisorOverride = new ConsentOverride(userId, user.Name, consentOverrideReason);
        }

        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(answer.Covered, answer.ConsentId, answer.MissingCategories), supervisorOverride);
        if (basis is null)
        {
            return refusal == "override-reason-required"
                ? Error.Validation("consentOverrideReason", "Bitte begründen Sie die Weitervermittlung ohne Einwilligung (mindestens 10 Zeichen).")
                : Error.Validation("categories",
                    $"Keine gültige Einwilligung deckt die Weitergabe an „{target.OrganisationName}“ heute ab. Fehlend: {string.Join(", ", answer.MissingCategories.Select(Labels.Category))}.");
        }

        var sent = referral.Send(basis, publicBodyWarningAcknowledged, ReferralActor.Staff(userId, user.Name), now);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (_, linkDays) = await OfficeSettingsReader.ReadAsync(db, office, cancellationToken);
        var token = AgencyLinkTokens.NewToken();
        var expires = now.AddDays(linkDays);
        referral.IssueAgencyLink(AgencyLinkTokens.Hash(token), expires);
        db.Enqueue(new ReferralSent(Guid.CreateVersion7(), now, office, referral.Id, referral.ClientId, referral.Needs.Select(n => n.NeedId).ToList(),
            referral.ServiceId, referral.ServiceType, referral.SharedCategoryList, ReferralCodes.Code(referral.Urgency)));
        return new ReferralSendOutcome(
            new ReferralSentReceipt(referral.Id, referral.Version, AgencyLinkTokens.Path(token), expires, target.AgencyEmail, referral.RecipientName), supervisorOverride);
    }

    /// <summary>The audit entry of a supervisor's override, written with the send.</summary>
    public async Task RecordOverrideAsync(Referral referral, ConsentOverride? supervisorOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (supervisorOverride is not null)
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.ReasonedAccess, "Referral", referral.Id.ToString(),
                Reason: supervisorOverride.Reason, Details: "sent without a covering consent (supervisor override)"), cancellationToken);
        }
    }
}
