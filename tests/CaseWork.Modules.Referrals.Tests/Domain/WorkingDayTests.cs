using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Domain;

/// <summary>Working days skip weekends, the national public holidays and those of the office's Land (dates checked against the Länder's calendars).</summary>
public sealed class WorkingDayTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), GermanPublicHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01", null, true)]
    [InlineData("2026-04-03", null, true)] // Good Friday
    [InlineData("2026-04-06", null, true)] // Easter Monday
    [InlineData("2026-05-14", null, true)] // Ascension
    [InlineData("2026-05-25", null, true)] // Whit Monday
    [InlineData("2026-10-03", null, true)]
    [InlineData("2026-12-25", null, true)]
    [InlineData("2026-12-26", null, true)]
    [InlineData("2026-12-24", null, false)]
    [InlineData("2026-06-04", null, false)] // Corpus Christi is not national
    [InlineData("2026-06-04", "BY", true)]
    [InlineData("2026-06-04", "BE", false)]
    [InlineData("2026-03-08", "BE", true)]
    [InlineData("2026-03-08", "BY", false)]
    [InlineData("2026-11-01", "NW", true)]
    [InlineData("2026-10-31", "HH", true)]
    [InlineData("2026-10-31", "NW", false)]
    [InlineData("2026-11-18", "SN", true)] // Repentance day 2026
    [InlineData("2026-11-18", "BE", false)]
    [InlineData("2026-09-20", "TH", true)]
    [InlineData("2026-08-15", "SL", true)]
    [InlineData("2026-01-06", "BW", true)]
    public void Holidays_are_national_or_of_the_land(string day, string? land, bool holiday) =>
        Assert.Equal(holiday, GermanPublicHolidays.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), land));

    [Fact]
    public void The_reminder_skips_easter()
    {
        // Thursday 2 April 2026, 10:00 Berlin: Good Friday, the weekend and Easter Monday are no working days.
        // Tue 7 (1), Wed 8 (2), Thu 9 (3).
        var sent = new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 4, 9, 8, 0, 0, TimeSpan.Zero), FollowUpPolicy.Default.ReminderDue(sent, Berlin));
    }

    [Fact]
    public void The_offices_land_adds_its_holidays()
    {
        // Friday 5 March 2027, 10:00 Berlin. Nationally: Mon 8 (1), Tue 9 (2), Wed 10 (3). In Berlin 8 March is International Women's Day: Tue, Wed, Thu 11.
        var sent = new DateTimeOffset(2027, 3, 5, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero), FollowUpPolicy.Default.ReminderDue(sent, Berlin));
        Assert.Equal(new DateTimeOffset(2027, 3, 11, 9, 0, 0, TimeSpan.Zero), (FollowUpPolicy.Default with { Land = "BE" }).ReminderDue(sent, Berlin));
    }

    [Fact]
    public void A_referral_sent_before_christmas_reminds_after_the_holidays_with_a_fake_clock()
    {
        // Wednesday 23 December 2026, 10:00 Berlin: Thu 24 (1), [25, 26, 27 off], Mon 28 (2), Tue 29 (3).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.Zero));
        var referral = ReferralBuilder.Draft();
        referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, clock.GetUtcNow());

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 29, 8, 59, 0, TimeSpan.Zero));
        Assert.Equal(FollowUpAction.None, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FollowUpAction.RemindWorker, referral.FollowUp(FollowUpPolicy.Default, Berlin, clock.GetUtcNow()));
    }
}
