namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>The facts of one referral the supervisors' view counts (no personal data).</summary>
internal sealed record ReferralFacts(
    Guid ReferralId,
    Guid ServiceId,
    string ServiceName,
    string ServiceType,
    IReadOnlyList<string> NeedAreas,
    Guid WorkerId,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    ReferralOutcome? Outcome,
    DeclineReason? DeclineReason,
    bool WasWaitlisted);

/// <summary>The counts and waiting times of one group of referrals (a service, a type, a need, a worker, a month, or all).</summary>
internal sealed record OutcomeFigures(
    string Key,
    int Sent,
    int Accepted,
    int Declined,
    IReadOnlyDictionary<DeclineReason, int> DeclinedByReason,
    int Waitlisted,
    int Completed,
    IReadOnlyDictionary<ReferralOutcome, int> CompletedByOutcome,
    int Expired,
    int Withdrawn,
    int Open,
    int Overdue,
    double? MedianDaysToAcceptance,
    double? P90DaysToAcceptance,
    double? MedianDaysToOutcome,
    double? P90DaysToOutcome);

/// <summary>
/// Counts and percentiles over referral facts. Percentiles interpolate linearly between closest ranks (Hyndman–Fan type 7,
/// as spreadsheet PERCENTILE.INC does), so the median of an even count is the mean of the middle two.
/// </summary>
internal static class OutcomeStatistics
{
    /// <summary>The figures of one group; <paramref name="zone"/> is the office's, in which working days are counted.</summary>
    public static OutcomeFigures Compute(string key, IReadOnlyCollection<ReferralFacts> facts, DateTimeOffset now, FollowUpPolicy policy, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(zone);
        var toAcceptance = facts.Where(f => f.AcceptedAt is not null).Select(f => Days(f.SentAt, f.AcceptedAt!.Value)).ToList();
        var toOutcome = facts.Where(f => f.Status == ReferralStatus.Completed && f.ClosedAt is not null).Select(f => Days(f.SentAt, f.ClosedAt!.Value)).ToList();
        var open = facts.Where(f => IsOpen(f.Status)).ToList();
        return new OutcomeFigures(
            key,
            Sent: facts.Count,
            Accepted: facts.Count(f => f.AcceptedAt is not null),
            Declined: facts.Count(f => f.Status == ReferralStatus.Declined),
            DeclinedByReason: facts.Where(f => f.Status == ReferralStatus.Declined && f.DeclineReason is not null)
                .GroupBy(f => f.DeclineReason!.Value).ToDictionary(g => g.Key, g => g.Count()),
            Waitlisted: facts.Count(f => f.WasWaitlisted),
            Completed: facts.Count(f => f.Status == ReferralStatus.Completed),
            CompletedByOutcome: facts.Where(f => f.Status == ReferralStatus.Completed && f.Outcome is not null)
                .GroupBy(f => f.Outcome!.Value).ToDictionary(g => g.Key, g => g.Count()),
            Expired: facts.Count(f => f.Status == ReferralStatus.Expired),
            Withdrawn: facts.Count(f => f.Status == ReferralStatus.Withdrawn),
            Open: open.Count,
            Overdue: open.Count(f => IsOverdue(f, now, policy, zone)),
            MedianDaysToAcceptance: Percentile(toAcceptance, 0.5),
            P90DaysToAcceptance: Percentile(toAcceptance, 0.9),
            MedianDaysToOutcome: Percentile(toOutcome, 0.5),
            P90DaysToOutcome: Percentile(toOutcome, 0.9));
    }

    /// <summary>
    /// Open and unanswered past the reminder, with working days counted in the office's time zone as the reminder job and the
    /// open-referral lists count them, so a group's count agrees with the lines it sums.
    /// </summary>
    public static bool IsOverdue(ReferralFacts facts, DateTimeOffset now, FollowUpPolicy policy, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        return facts.Status == ReferralStatus.Sent && now >= policy.ReminderDue(facts.SentAt, zone);
    }

    public static bool IsOpen(ReferralStatus status) =>
        status is ReferralStatus.Sent or ReferralStatus.Waitlisted or ReferralStatus.Accepted or ReferralStatus.InProgress;

    /// <summary>The p-th percentile (0..1) by linear interpolation between closest ranks; null for no values.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower])), 2);
    }

    public static double Days(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays;
}
