using System.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Outcomes;

/// <summary>
/// The supervisors' outcome view for the office: referrals sent in [From, To] (office-local days; left open, the year up to
/// the office's today), counted in total, by service, service type, need, worker and month, with waiting-time percentiles,
/// and the open and overdue ones by pseudonym only.
/// </summary>
internal sealed record GetOutcomeReport(DateOnly? From, DateOnly? To) : IQuery<OutcomeReport>;

internal sealed record OutcomeReport(
    DateOnly From,
    DateOnly To,
    OutcomeFigures Total,
    IReadOnlyList<OutcomeFigures> ByService,
    IReadOnlyList<OutcomeFigures> ByServiceType,
    IReadOnlyList<OutcomeFigures> ByNeed,
    IReadOnlyList<OutcomeFigures> ByWorker,
    IReadOnlyList<OutcomeFigures> ByMonth,
    IReadOnlyList<OpenReferralLine> Open);

internal sealed record OutcomeRow(
    Guid Id, Guid ClientId, Guid ServiceId, string RecipientName, string ServiceType, UserId WorkerId, ReferralStatus Status, DateTimeOffset? SentAt,
    DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt, ReferralOutcome? Outcome, DeclineReason? DeclineReason, bool Waitlisted, List<string> Needs);

/// <summary>An open referral by pseudonym; <see cref="ClientId"/> only for the link to the case file, where a supervisor gives a reason to see the name.</summary>
internal sealed record OpenReferralLine(Guid ReferralId, string ClientCode, string RecipientName, string ServiceType, string Status, DateTimeOffset SentAt, bool Overdue, string Worker, Guid ClientId);

internal sealed class GetOutcomeReportHandler(
    ReferralsDbContext db, ICurrentUser user, TimeProvider time, ClientDirectoryAccess clients, IOfficeDirectory offices)
    : IQueryHandler<GetOutcomeReport, OutcomeReport>
{
    public async Task<Result<OutcomeReport>> Handle(GetOutcomeReport query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        var officeInfo = await offices.GetOfficeAsync(office, cancellationToken);
        var zone = OfficeSettingsReader.Zone(officeInfo?.TimeZone);
        // Left open: the year up to the office's own today. (The UTC date is yesterday there for an hour or two after midnight.)
        var lastDay = query.To ?? OfficeSettingsReader.Today(time, zone);
        var firstDay = query.From ?? lastDay.AddYears(-1).AddDays(1);
        if (lastDay < firstDay || lastDay.DayNumber - firstDay.DayNumber > 3 * 366)
        {
            return Error.Validation("to", "Der Zeitraum muss mit dem Ende nach dem Anfang liegen und darf höchstens drei Jahre umfassen.");
        }

        var from = Start(firstDay, zone);
        var to = Start(lastDay.AddDays(1), zone);
        var (policy, _) = await OfficeSettingsReader.ReadAsync(db, office, cancellationToken);

        var rows = await Rows(db, from, to).ToListAsync(cancellationToken);
        var facts = rows.Select(r => new ReferralFacts(r.Id, r.ServiceId, r.RecipientName, r.ServiceType, r.Needs, r.WorkerId.Value, r.Status, r.SentAt!.Value,
            r.AcceptedAt, r.ClosedAt, r.Outcome, r.DeclineReason, r.Waitlisted)).ToList();
        var now = time.GetUtcNow();
        var staff = (await offices.GetStaffAsync(office, null, cancellationToken)).ToDictionary(s => s.Id.Value, s => s.DisplayName);

        List<OutcomeFigures> By<TKey>(Func<ReferralFacts, IEnumerable<TKey>> keys, Func<TKey, string> label)
            where TKey : notnull =>
            facts.SelectMany(f => keys(f).Select(k => (Key: k, Facts: f)))
                .GroupBy(x => x.Key)
                .Select(g => OutcomeStatistics.Compute(label(g.Key), g.Select(x => x.Facts).ToList(), now, policy, zone))
                .OrderByDescending(f => f.Sent).ThenBy(f => f.Key, StringComparer.Ordinal)
                .ToList();

        var byMonth = facts.GroupBy(f => Month(f.SentAt, zone))
            .Select(g => OutcomeStatistics.Compute(g.Key, g.ToList(), now, policy, zone))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

        var open = rows.Where(r => OutcomeStatistics.IsOpen(r.Status)).OrderBy(r => r.SentAt).Take(500).ToList();
        var codes = await clients.PseudonymsAsync(office, open.Select(r => r.ClientId), cancellationToken);
        var openLines = open.Select(r => new OpenReferralLine(
            r.Id, codes.GetValueOrDefault(r.ClientId, "—"), r.RecipientName, r.ServiceType, ReferralCodes.Code(r.Status), r.SentAt!.Value,
            r.Status == ReferralStatus.Sent && now >= policy.ReminderDue(r.SentAt.Value, zone),
            staff.GetValueOrDefault(r.WorkerId.Value, "—"), r.ClientId)).ToList();

        return new OutcomeReport(
            firstDay,
            lastDay,
            OutcomeStatistics.Compute("Gesamt", facts, now, policy, zone),
            By<string>(f => [f.ServiceName], s => s),
            By<string>(f => [f.ServiceType], ServiceTypes.LabelDe),
            By(f => f.NeedAreas, Labels.NeedArea),
            By<Guid>(f => [f.WorkerId], w => staff.GetValueOrDefault(w, "—")),
            byMonth,
            openLines);
    }

    /// <summary>
    /// The referrals sent in [from, to) as projected rows, not aggregates: a year of an office is a few thousand referrals,
    /// and percentiles need the values. "Ever waitlisted" is answered from the (referral, status) index of the history.
    /// </summary>
    internal static IQueryable<OutcomeRow> Rows(ReferralsDbContext db, DateTimeOffset from, DateTimeOffset to) =>
        db.Referrals.AsNoTracking()
            .Where(r => r.SentAt != null && r.SentAt >= from && r.SentAt < to)
            .Select(r => new OutcomeRow(
                r.Id, r.ClientId, r.ServiceId, r.RecipientName, r.ServiceType, r.WorkerId, r.Status, r.SentAt, r.AcceptedAt, r.ClosedAt, r.Outcome, r.DeclineReason,
                r.WaitlistPosition != null || r.History.Any(h => h.To == ReferralStatus.Waitlisted),
                r.Needs.Select(n => n.Area).ToList()));

    public static string Month(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>Every table of the outcome view as CSV, with the same columns the page shows.</summary>
internal static class OutcomeCsv
{
    public static readonly IReadOnlyList<string> Tables = ["total", "service", "service_type", "need", "worker", "month", "open"];

    public static Csv Write(OutcomeReport report, string table)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (table == "open")
        {
            var open = new Csv().Row("client_code", "recipient", "service_type", "status", "sent_at", "overdue", "worker");
            foreach (var line in report.Open)
            {
                open.Row(line.ClientCode, line.RecipientName, line.ServiceType, line.Status, line.SentAt.ToString("O", CultureInfo.InvariantCulture), line.Overdue ? "yes" : "no", line.Worker);
            }

            return open;
        }

        var rows = table switch
        {
            "service" => report.ByService,
            "service_type" => report.ByServiceType,
            "need" => report.ByNeed,
            "worker" => report.ByWorker,
            "month" => report.ByMonth,
            _ => [report.Total],
        };
        var csv = new Csv().Row([
            "group", "sent", "accepted", "declined", .. ReferralCodes.All<DeclineReason>().Select(r => "declined_" + r), "waitlisted", "completed",
            .. ReferralCodes.All<ReferralOutcome>().Select(o => "completed_" + o), "expired", "withdrawn", "open", "overdue",
            "median_days_to_acceptance", "p90_days_to_acceptance", "median_days_to_outcome", "p90_days_to_outcome"]);
        foreach (var f in rows)
        {
            csv.Row([
                f.Key, f.Sent, f.Accepted, f.Declined, .. Enum.GetValues<DeclineReason>().Select(r => (object?)f.DeclinedByReason.GetValueOrDefault(r)),
                f.Waitlisted, f.Completed, .. Enum.GetValues<ReferralOutcome>().Select(o => (object?)f.CompletedByOutcome.GetValueOrDefault(o)),
                f.Expired, f.Withdrawn, f.Open, f.Overdue, f.MedianDaysToAcceptance, f.P90DaysToAcceptance, f.MedianDaysToOutcome, f.P90DaysToOutcome]);
        }

        return csv;
    }
}
