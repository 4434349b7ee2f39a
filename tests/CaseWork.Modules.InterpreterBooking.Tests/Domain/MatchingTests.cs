using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Domain;
using static CaseWork.Modules.InterpreterBooking.Tests.Domain.DomainFixtures;

namespace CaseWork.Modules.InterpreterBooking.Tests.Domain;

public sealed class MatchingTests
{
    private static readonly HashSet<UserId> NoExclusions = [];

    [Fact]
    public void Least_recently_assigned_comes_first_then_the_higher_qualification()
    {
        var volunteerNeverAssigned = Interpreter("Zaid", Qualification.Volunteer);
        var swornLastWeek = Interpreter("Amal", Qualification.SwornOrCertified, lastAssigned: Monday.AddDays(-7));
        var trainedYesterday = Interpreter("Basma", Qualification.TrainedCommunityInterpreter, lastAssigned: Monday.AddDays(-1));
        var swornNeverAssigned = Interpreter("Yara", Qualification.SwornOrCertified);
        var request = Request(Monday.AddDays(10), Monday);

        var report = InterpreterMatcher.Match(request.Need, Policy(),
            [Free(volunteerNeverAssigned), Free(swornLastWeek), Free(trainedYesterday), Free(swornNeverAssigned)], NoExclusions);

        Assert.Equal(["Yara", "Zaid", "Amal", "Basma"], report.Ranked.Select(r => r.DisplayName));
        Assert.Equal([1, 2, 3, 4], report.Ranked.Select(r => r.Rank));
        Assert.Empty(report.Rejected);
    }

    [Fact]
    public void Language_dialect_modality_and_gender_must_fit_and_each_miss_is_explained()
    {
        var iraqiOnly = Interpreter("Iraqi", dialects: ["Iraqi"]);
        var dari = Interpreter("Dari", language: "prs", dialects: []);
        var male = Interpreter("Male", gender: "male");
        var phoneOnly = Interpreter("Phone");
        phoneOnly.Modalities = Modalities.Phone;
        var fits = Interpreter("Fits");
        var request = Request(Monday.AddDays(10), Monday, gender: "female");

        var report = InterpreterMatcher.Match(request.Need, Policy(), [Free(iraqiOnly), Free(dari), Free(male), Free(phoneOnly), Free(fits)], NoExclusions);

        Assert.Equal(["Fits"], report.Ranked.Select(r => r.DisplayName));
        Assert.Equal([MismatchReason.Language], report.Rejected.Single(r => r.DisplayName == "Iraqi").Reasons);
        Assert.Equal([MismatchReason.Language], report.Rejected.Single(r => r.DisplayName == "Dari").Reasons);
        Assert.Equal([MismatchReason.Gender], report.Rejected.Single(r => r.DisplayName == "Male").Reasons);
        Assert.Equal([MismatchReason.Modality], report.Rejected.Single(r => r.DisplayName == "Phone").Reasons);
    }

    [Fact]
    public void A_request_without_dialect_matches_any_dialect_of_the_language()
    {
        var iraqi = Interpreter("Iraqi", dialects: ["Iraqi"]);
        var request = Request(Monday.AddDays(10), Monday, dialect: null);

        var report = InterpreterMatcher.Match(request.Need, Policy(), [Free(iraqi)], NoExclusions);

        Assert.Single(report.Ranked);
    }

    [Fact]
    public void Excluded_interpreters_are_never_matched()
    {
        var excluded = Interpreter("Excluded");
        var other = Interpreter("Other");
        var request = Request(Monday.AddDays(10), Monday);

        var report = InterpreterMatcher.Match(request.Need, Policy(), [Free(excluded), Free(other)], new HashSet<UserId> { excluded.Id });

        Assert.Equal(["Other"], report.Ranked.Select(r => r.DisplayName));
        Assert.Contains(MismatchReason.Excluded, report.Rejected.Single().Reasons);
    }

    [Fact]
    public void In_person_jobs_keep_the_travel_buffer_free_phone_jobs_may_follow_each_other()
    {
        var start = Monday.AddDays(10);
        var busy = Interpreter("Busy");
        var bookedBefore = new BusyPeriod(Guid.NewGuid(), start.AddHours(-1).AddMinutes(-20), start.AddMinutes(-20), InPerson: true);
        var inPerson = Request(start, Monday);
        var phone = Request(start, Monday, Modality.Phone);
        var phoneBooked = new BusyPeriod(Guid.NewGuid(), start.AddHours(-1), start, InPerson: false);

        var inPersonReport = InterpreterMatcher.Match(inPerson.Need, Policy(), [new MatchCandidate(busy, [bookedBefore])], NoExclusions);
        var phoneAfterPhone = InterpreterMatcher.Match(phone.Need, Policy(), [new MatchCandidate(busy, [phoneBooked])], NoExclusions);
        var inPersonAfterEnoughGap = InterpreterMatcher.Match(
            inPerson.Need, Policy(), [new MatchCandidate(busy, [bookedBefore with { Start = start.AddHours(-2), End = start.AddMinutes(-30) }])], NoExclusions);

        Assert.Equal([MismatchReason.Overlap], inPersonReport.Rejected.Single().Reasons);
        Assert.Single(phoneAfterPhone.Ranked);
        Assert.Single(inPersonAfterEnoughGap.Ranked);
    }

    [Fact]
    public void Weekly_hours_absences_area_and_daily_maximum_are_respected()
    {
        // Thursday 3 December 2026, 10:00 Berlin = 09:00 UTC.
        var start = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var mornings = Interpreter("Mornings");
        mornings.WeeklyAvailability = [new WeeklySlot(DayOfWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(12, 0))];
        var afternoons = Interpreter("Afternoons");
        afternoons.WeeklyAvailability = [new WeeklySlot(DayOfWeek.Thursday, new TimeOnly(13, 0), new TimeOnly(18, 0))];
        var away = Interpreter("Away");
        away.Absences = [new Absence(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4), "Urlaub")];
        var elsewhere = Interpreter("Elsewhere");
        elsewhere.Districts = ["Spandau"];
        var full = Interpreter("Full");
        full.DailyMaximum = 1;
        var fullDay = new BusyPeriod(Guid.NewGuid(), start.AddHours(5), start.AddHours(6), InPerson: false);
        var request = Request(start, Monday, district: "Neukölln");

        var report = InterpreterMatcher.Match(request.Need, Policy(),
            [Free(mornings), Free(afternoons), Free(away), Free(elsewhere), new MatchCandidate(full, [fullDay])], NoExclusions);

        Assert.Equal(["Mornings"], report.Ranked.Select(r => r.DisplayName));
        Assert.Equal([MismatchReason.NotAvailable], report.Rejected.Single(r => r.DisplayName == "Afternoons").Reasons);
        Assert.Equal([MismatchReason.NotAvailable], report.Rejected.Single(r => r.DisplayName == "Away").Reasons);
        Assert.Equal([MismatchReason.OutsideArea], report.Rejected.Single(r => r.DisplayName == "Elsewhere").Reasons);
        Assert.Equal([MismatchReason.DailyMaximum], report.Rejected.Single(r => r.DisplayName == "Full").Reasons);
    }
}
