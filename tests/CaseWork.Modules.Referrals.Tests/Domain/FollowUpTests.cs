using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Domain;

public sealed class FollowUpTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Thursday 5 November 2026, 10:00 in Berlin (09:00 UTC).
    private static readonly DateTimeOffset ThursdayMorning = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private static Referral SentAt(DateTimeOffset at)
    {
        var referral = ReferralBuilder.Draft();
        referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, at);
        return referral;
    }

    [Fact]
    public void Three_working_days_skip_the_weekend()
    {
        // Thu -> Fri (1), Mon (2), Tue (3): due Tuesday 10 November, 10:00 Berlin.
        var due = FollowUpPolicy.Default.ReminderDue(ThursdayMorning, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Working_days_are_counted_in_the_office_time_zone()
    {
        // Friday 23:30 UTC is already Saturday 00:30 in Berlin: Mon, Tue, Wed -> Wednesday 00:30 Berlin.
        var fridayNightUtc = new DateTimeOffset(2026, 11, 6, 23, 30, 0, TimeSpan.Zero);

        var due = FollowUpPolicy.Default.ReminderDue(fridayNightUtc, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 23, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void The_worker_is_reminded_once_after_three_working_days_and_the_referral_expires_after_fourteen_days()
    {
        var clock = new FakeTimeProvider(ThursdayMorning);
        var referral = SentAt(clock.GetUtcNow());

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 8, 59, 0, TimeSpan.Zero));
        Assert.Equal(FollowUpAction.None, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FollowUpAction.RemindWorker, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));
        Assert.Equal(clock.GetUtcNow(), referral.WorkerRemindedAt);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(FollowUpAction.None, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));

        clock.SetUtcNow(ThursdayMorning.AddDays(14).AddTicks(-1));
        Assert.Equal(FollowUpAction.None, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));
        Assert.Equal(ReferralStatus.Sent, referral.Status);

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(FollowUpAction.Expire, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));
        Assert.Equal(ReferralStatus.Expired, referral.Status);
        Assert.Equal(ActorKind.System, referral.History[^1].ActorKind);
        Assert.Equal(clock.GetUtcNow(), referral.ClosedAt);
    }

    [Fact]
    public void An_answered_referral_neither_reminds_nor_expires()
    {
        var referral = SentAt(ThursdayMorning);
        referral.Waitlist(7, null, ReferralBuilder.Agency, ThursdayMorning.AddDays(1));

        Assert.Equal(FollowUpAction.None, referral.FollowUp(FollowUpPolicy.Default, Berlin, ThursdayMorning.AddDays(60)));
        Assert.Equal(ReferralStatus.Waitlisted, referral.Status);
    }

    [Fact]
    public void Office_settings_change_the_days()
    {
        var policy = new FollowUpPolicy(1, 2);
        var referral = SentAt(ThursdayMorning);

        Assert.Equal(FollowUpAction.RemindWorker, referral.FollowUp(policy, Berlin, ThursdayMorning.AddDays(1)));
        Assert.Equal(FollowUpAction.Expire, referral.FollowUp(policy, Berlin, ThursdayMorning.AddDays(2)));
    }

    [Fact]
    public void Expiry_revokes_the_agency_link()
    {
        var referral = SentAt(ThursdayMorning);
        referral.IssueAgencyLink("abc", ThursdayMorning.AddDays(60));

        referral.FollowUp(FollowUpPolicy.Default, Berlin, ThursdayMorning.AddDays(15));

        Assert.False(referral.AgencyLinkValid("abc", ThursdayMorning.AddDays(16)));
    }

    [Fact]
    public void The_agency_link_works_with_its_hash_only_until_it_expires()
    {
        var referral = SentAt(ThursdayMorning);
        referral.IssueAgencyLink("abc", ThursdayMorning.AddDays(30));

        Assert.True(referral.AgencyLinkValid("abc", ThursdayMorning.AddDays(29)));
        Assert.False(referral.AgencyLinkValid("abd", ThursdayMorning.AddDays(29)));
        Assert.False(referral.AgencyLinkValid("abc", ThursdayMorning.AddDays(30)));
    }
}
