using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Features.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Refer;

/// <summary>
/// What the "refer" page needs for one client: who (pseudonym; the name only for workers), the open needs, and — once a
/// service is chosen — which categories a valid consent for that recipient covers today and which it does not.
/// </summary>
internal sealed record PrepareReferral(Guid ClientId, Guid? ServiceId) : IQuery<ReferralDraftView>;

internal sealed record ReferralDraftView(
    Guid ClientId,
    string PseudonymCode,
    string? DisplayName,
    IReadOnlyList<ClientNeedSummary> Needs,
    ServiceListItem? Service,
    ConsentCoverage? Coverage);

/// <summary>For the chosen recipient today: the categories some valid consent names, those none does, and the consent covering the default set.</summary>
internal sealed record ConsentCoverage(IReadOnlyList<string> Covered, IReadOnlyList<string> Missing, IReadOnlyList<string> Default, bool DefaultCovered);

internal sealed class PrepareReferralHandler(
    ReferralsDbContext db,
    ICurrentUser user,
    TimeProvider time,
    IAuditTrail audit,
    IOfficeDirectory offices,
    ClientDirectoryAccess clients) : IQueryHandler<PrepareReferral, ReferralDraftView>
{
    public async Task<Result<ReferralDraftView>> Handle(PrepareReferral query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        if (clients.Directory is not { } directory)
        {
            return Error.Conflict("clients-module-unavailable", "Ohne das Modul Klient*innen kann weder die Einwilligung noch das Anliegen geprüft werden.");
        }

        var client = ClientId.From(query.ClientId);
        var summary = await directory.GetDisplaySummaryAsync(office, client, cancellationToken);
        if (summary is null || summary.IsAnonymised)
        {
            return Error.NotFound("client-not-found", "Diese Klientin oder diesen Klienten gibt es in Ihrer Beratungsstelle nicht.");
        }

        var needs = await directory.GetNeedsAsync(office, client, cancellationToken);
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Read, "ClientNeeds", query.ClientId.ToString(),
            Details: "needs and consent coverage read to prepare a referral"), cancellationToken);
        var named = user.IsInRole(Roles.Streetworker);
        if (query.ServiceId is not { } serviceId)
        {
            return new ReferralDraftView(query.ClientId, summary.PseudonymCode, named ? summary.DisplayName : null, needs, null, null);
        }

        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return Error.NotFound("service-not-found", "Dieses Angebot gibt es im Verzeichnis Ihrer Beratungsstelle nicht.");
        }

        var item = (await ServiceItems.BuildAsync(db, [service], cancellationToken))[0];
        // The office's today: a consent that ended yesterday there no longer covers anything, whatever the UTC date says.
        var today = await OfficeSettingsReader.TodayAsync(offices, office, time, cancellationToken);
        var all = ConsentDataCategories.All.ToList();
        var answer = await directory.CheckConsentAsync(new ConsentCheck(office, client, item.OrganisationName, item.OrganisationId, all, today), cancellationToken);
        var covered = all.Where(c => !answer.MissingCategories.Contains(c)).ToList();
        var defaults = SharingPolicy.DefaultFor(service.IsPublicBody).Where(covered.Contains).ToList();
        var defaultCovered = false;
        if (defaults.Count > 0)
        {
            var check = await directory.CheckConsentAsync(new ConsentCheck(office, client, item.OrganisationName, item.OrganisationId, defaults, today), cancellationToken);
            defaultCovered = check.Covered;
        }

        return new ReferralDraftView(query.ClientId, summary.PseudonymCode, named ? summary.DisplayName : null, needs, item,
            new ConsentCoverage(covered, [.. answer.MissingCategories], defaults, defaultCovered));
    }
}
