using CaseWork.Modules.Referrals.Domain.Referrals;

namespace CaseWork.Modules.Referrals.Tests.Domain;

public sealed class OutcomeStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Service = Guid.CreateVersion7();

    private static ReferralFacts Facts(
        ReferralStatus status, double? daysToAccept = null, double? daysToClose = null, ReferralOutcome? outcome = null,
        DeclineReason? reason = null, bool waitlisted = false, int sentDay = 0) =>
        new(Guid.CreateVersion7(), Service, "Beratung", "debt_counselling", ["debts"], Guid.Empty, status,
            Start.AddDays(sentDay),
            daysToAccept is { } a ? Start.AddDays(sentDay + a) : null,
            daysToClose is { } c ? Start.AddDays(sentDay + c) : null,
            outcome, reason, waitlisted);

    // Ten referrals, chosen so the figures can be checked by hand:
    //   accepted after 1, 2, 2, 3, 5, 8, 13 days (7 values)
    //     median = 4th of 7 sorted = 3
    //     p90: rank 0.9 * 6 = 5.4 -> 8 + 0.4 * (13 - 8) = 10
    //   completed after 4, 10, 20, 30 days (4 values)
    //     median = (10 + 20) / 2 = 15
    //     p90: rank 0.9 * 3 = 2.7 -> 20 + 0.7 * (30 - 20) = 27
    private static readonly ReferralFacts[] KnownSet =
    [
        Facts(ReferralStatus.Completed, 1, 4, ReferralOutcome.GoalReached),
        Facts(ReferralStatus.Completed, 2, 10, ReferralOutcome.GoalReached),
        Facts(ReferralStatus.Completed, 2, 20, ReferralOutcome.PartlyReached, waitlisted: true),
        Facts(ReferralStatus.Completed, 3, 30, ReferralOutcome.DidNotAttend),
        Facts(ReferralStatus.Accepted, 5),
        Facts(ReferralStatus.InProgress, 8, waitlisted: true),
        Facts(ReferralStatus.Withdrawn, 13, 14),
        Facts(ReferralStatus.Declined, daysToClose: 1, reason: DeclineReason.NoCapacity),
        Facts(ReferralStatus.Declined, daysToClose: 2, reason: DeclineReason.NoCapacity),
        Facts(ReferralStatus.Expired, daysToClose: 14),
    ];

    [Fact]
    public void Counts_on_a_known_set()
    {
        var figures = OutcomeStatistics.Compute("all", KnownSet, Start.AddDays(100), FollowUpPolicy.Default, TimeZoneInfo.Utc);

        Assert.Equal(10, figures.Sent);
        Assert.Equal(7, figures.Accepted);
        Assert.Equal(2, figures.Declined);
        Assert.Equal(2, figures.DeclinedByReason[DeclineReason.NoCapacity]);
        Assert.Equal(2, figures.Waitlisted);
        Assert.Equal(4, figures.Completed);
        Assert.Equal(2, figures.CompletedByOutcome[ReferralOutcome.GoalReached]);
        Assert.Equal(1, figures.CompletedByOutcome[ReferralOutcome.PartlyReached]);
        Assert.Equal(1, figures.CompletedByOutcome[ReferralOutcome.DidNotAttend]);
        Assert.False(figures.CompletedByOutcome.ContainsKey(ReferralOutcome.NotReached));
        Assert.Equal(1, figures.Expired);
        Assert.Equal(1, figures.Withdrawn);
        Assert.Equal(2, figures.Open);
        Assert.Equal(0, figures.Overdue);
    }

    [Fact]
    public void Median_and_90th_percentile_on_a_known_set()
    {
        var figures = OutcomeStatistics.Compute("all", KnownSet, Start.AddDays(100), FollowUpPolicy.Default, TimeZoneInfo.Utc);

        Assert.Equal(3, figures.MedianDaysToAcceptance);
        Assert.Equal(10, figures.P90DaysToAcceptance);
        Assert.Equal(15, figures.MedianDaysToOutcome);
        Assert.Equal(27, figures.P90DaysToOutcome);
    }

    [Fact]
    public void No_values_give_no_percentiles()
    {
        var figures = OutcomeStatistics.Compute("none", [Facts(ReferralStatus.Sent)], Start.AddDays(1), FollowUpPolicy.Default, TimeZoneInfo.Utc);

        Assert.Null(figures.MedianDaysToAcceptance);
        Assert.Null(figures.P90DaysToOutcome);
    }

    [Theory]
    [InlineData(new double[] { 7 }, 0.5, 7)]
    [InlineData(new double[] { 7 }, 0.9, 7)]
    [InlineData(new double[] { 1, 2 }, 0.5, 1.5)]
    [InlineData(new double[] { 10, 1, 4, 3 }, 0.5, 3.5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0.9, 10)]
    public void Percentiles_interpolate_between_closest_ranks(double[] values, double p, double expected) =>
        Assert.Equal(expected, OutcomeStatistics.Percentile(values, p));

    [Fact]
    public void An_unanswered_referral_past_the_reminder_is_overdue()
    {
        var sentMonday = Facts(ReferralStatus.Sent);
        var waitlisted = Facts(ReferralStatus.Waitlisted, waitlisted: true);

        var figures = OutcomeStatistics.Compute("open", [sentMonday, waitlisted], Start.AddDays(3), FollowUpPolicy.Default, TimeZoneInfo.Utc);

        Assert.Equal(2, figures.Open);
        Assert.Equal(1, figures.Overdue);
        Assert.Equal(0, OutcomeStatistics.Compute("open", [sentMonday], Start.AddDays(2), FollowUpPolicy.Default, TimeZoneInfo.Utc).Overdue);
    }

    [Fact]
    public void Working_days_to_the_reminder_are_counted_in_the_office_s_time_zone()
    {
        // Sent on Saturday 00:30 in Berlin, which is still Friday in UTC. Counted from Saturday, the third working day is
        // Wednesday, so the reminder is due on Wednesday at 00:30 Berlin time. Counted from Friday in UTC, it would not be
        // due until Wednesday 23:30 UTC. At noon on Wednesday the referral is overdue for the office.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var sentAt = new DateTimeOffset(2026, 3, 7, 0, 30, 0, TimeSpan.FromHours(1));
        var sent = Facts(ReferralStatus.Sent) with { SentAt = sentAt };
        var wednesdayNoon = new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(1, OutcomeStatistics.Compute("office", [sent], wednesdayNoon, FollowUpPolicy.Default, berlin).Overdue);
        Assert.True(OutcomeStatistics.IsOverdue(sent, wednesdayNoon, FollowUpPolicy.Default, berlin));
        Assert.False(OutcomeStatistics.IsOverdue(sent, wednesdayNoon, FollowUpPolicy.Default, TimeZoneInfo.Utc));
        Assert.False(OutcomeStatistics.IsOverdue(sent, new DateTimeOffset(2026, 3, 11, 0, 15, 0, TimeSpan.FromHours(1)), FollowUpPolicy.Default, berlin));
    }
}
