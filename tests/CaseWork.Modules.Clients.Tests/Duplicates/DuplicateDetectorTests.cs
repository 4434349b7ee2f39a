using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

public sealed class DuplicateDetectorTests
{
    [Fact]
    public void Same_person_in_Arabic_script_and_Latin_with_equal_date_is_likely_with_phonetic_reasons()
    {
        var result = DuplicateDetector.Compare(
            Person("محمد", "الحسن", "1990-03-12"),
            Person("Muhammad", "Al-Hasan", "1990-03-12"));

        Assert.Equal(DuplicateLevel.Likely, result.Level);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.For && r.Text == "given name matches phonetically (mhmd ~ muhammad)");
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.For && r.Text == "date of birth equal (1990-03-12)");
    }

    [Fact]
    public void Swapped_given_and_family_name_is_found_and_said()
    {
        var result = DuplicateDetector.Compare(
            Person("Shevchenko", "Oleksandr", "1985-04-12"),
            Person("Олександр", "Шевченко", "1985-04-12"));

        Assert.Equal(DuplicateLevel.Likely, result.Level);
        Assert.Equal("given and family name swapped", result.Reasons[0].Text);
    }

    [Fact]
    public void Year_only_on_one_side_counts_for_a_match_and_says_so()
    {
        var result = DuplicateDetector.Compare(Person("Ahmad", "Khalil", "1985"), Person("Ahmed", "Khalil", "1985-07-01"));

        Assert.True(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Text == "year of birth equal (1985), full date unknown on one side");
    }

    [Fact]
    public void Different_full_dates_of_birth_are_a_reason_against_and_sink_an_exact_name_match()
    {
        var result = DuplicateDetector.Compare(
            Person("Zahra", "Hosseini", "2000-03-21"),
            Person("Zahra", "Hosseini", "2000-11-02"));

        Assert.False(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.Against && r.Text == "dates of birth differ (2000-03-21 / 2000-11-02)");
    }

    [Fact]
    public void First_of_January_is_treated_as_a_placeholder_for_the_year()
    {
        var result = DuplicateDetector.Compare(Person("Samir", "Haddad", "1980-01-01"), Person("Sameer", "Haddad", "1980-05-17"));

        Assert.True(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Text.Contains("placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void Years_far_apart_separate_father_and_son_of_the_same_name()
    {
        var result = DuplicateDetector.Compare(Person("Hassan", "Mohammed", "1960"), Person("Hassan", "Mohammed", "1990"));

        Assert.False(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.Against && r.Text == "years of birth differ (1960 / 1990)");
    }

    [Fact]
    public void Unknown_dates_leave_the_decision_to_the_names()
    {
        var result = DuplicateDetector.Compare(Person("Ahmad", "Rahimi", ""), Person("Ahmed", "Rahimy", ""));

        Assert.True(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.Neutral && r.Text == "date of birth unknown on at least one side");
    }

    [Fact]
    public void Ali_and_Alia_are_not_duplicates_even_with_the_same_date()
    {
        var result = DuplicateDetector.Compare(Person("Ali", "Hassan", "1990-03-12"), Person("Alia", "Hassan", "1990-03-12"));

        Assert.False(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.Against && r.Text.Contains("male and female forms", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_genders_that_differ_count_against()
    {
        var same = DuplicateDetector.Compare(Person("Dilan", "Xelil", "2000"), Person("Dilan", "Khalil", "2000"));
        var different = DuplicateDetector.Compare(
            Person("Dilan", "Xelil", "2000", StatedGender.Female), Person("Dilan", "Khalil", "2000", StatedGender.Male));

        Assert.True(same.IsCandidate);
        Assert.False(different.IsCandidate);
        Assert.Contains(different.Reasons, r => r.Text == "stated genders differ");
    }

    [Fact]
    public void A_common_given_name_alone_does_not_make_a_duplicate()
    {
        var result = DuplicateDetector.Compare(Person("Mohammed", "Hassan", "1990-03-12"), Person("Mohammed", "Ibrahim", "1990-03-12"));

        Assert.False(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Direction == ReasonDirection.Against && r.Text == "family name differs (hassan / ibrahim)");
    }

    [Fact]
    public void A_missing_family_name_still_allows_a_possible_match()
    {
        var result = DuplicateDetector.Compare(Person("Mohamed", "", "1995-05-05"), Person("Mohamed", "Ibrahim", "1995-05-05"));

        Assert.Equal(DuplicateLevel.Possible, result.Level);
        Assert.Contains(result.Reasons, r => r.Text == "the other name part is missing on one side");
    }

    [Fact]
    public void One_of_several_given_names_matches()
    {
        var result = DuplicateDetector.Compare(Person("Mohammed Ali", "Hassan", "1990"), Person("Ali", "Hassan", "1990"));

        Assert.True(result.IsCandidate);
        Assert.Contains(result.Reasons, r => r.Text == "given name: one of several names matches (mohammed ali / ali)");
    }

    [Fact]
    public void Another_name_used_is_compared_too()
    {
        var existing = new PersonForMatching("Sabine", "Schmidt", ["Sabine Krüger"], DateOfBirth.Parse("1970-02-02"));

        var result = DuplicateDetector.Compare(existing, Person("Sabine", "Krüger", "1970-02-02"));

        Assert.Equal(DuplicateLevel.Likely, result.Level);
        Assert.Contains(result.Reasons, r => r.Text == "name matches another name used by the first record (sabine kruger)");
    }

    [Fact]
    public void Comparison_is_deterministic_and_symmetric_in_score()
    {
        var a = Person("Yohannes", "Gebremariam", "1995");
        var b = Person("Johannes", "Gebre Mariam", "1995-06-01");

        var first = DuplicateDetector.Compare(a, b);
        var again = DuplicateDetector.Compare(a, b);
        var reversed = DuplicateDetector.Compare(b, a);

        Assert.Equal(first.Score, again.Score);
        Assert.Equal(first.Reasons, again.Reasons);
        Assert.Equal(first.Score, reversed.Score);
    }

    [Fact]
    public void Score_stays_within_zero_and_one()
    {
        var best = DuplicateDetector.Compare(Person("Reza", "Tehrani", "1977-07-07"), Person("Reza", "Tehrani", "1977-07-07"));
        var worst = DuplicateDetector.Compare(
            Person("Reza", "Tehrani", "1977-07-07", StatedGender.Male), Person("Olga", "Schmidt", "2010-01-02", StatedGender.Female));

        Assert.Equal(1.0, best.Score);
        Assert.Equal(0.0, worst.Score);
        Assert.Equal(DuplicateLevel.None, worst.Level);
    }

    [Theory]
    [InlineData(0.69, "None")]
    [InlineData(0.70, "Possible")]
    [InlineData(0.849, "Possible")]
    [InlineData(0.85, "Likely")]
    public void Levels_follow_the_thresholds(double score, string expected) =>
        Assert.Equal(Enum.Parse<DuplicateLevel>(expected), DuplicateCandidate.LevelFor(score));

    private static PersonForMatching Person(string given, string family, string dob, StatedGender gender = StatedGender.NotStated) =>
        new(given, family, [], DateOfBirth.Parse(dob), gender);
}
