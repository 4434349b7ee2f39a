using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using static CaseWork.Modules.Clients.Tests.Domain.DomainFixtures;

namespace CaseWork.Modules.Clients.Tests.Domain;

public sealed class ConsentAndRetentionTests
{
    private static readonly Guid JobCentreId = Guid.NewGuid();

    private static Consent JobCentreConsent(DateOnly? validUntil = null) => Consent.Grant(
        NewClient(),
        new ConsentRecipient("Jobcenter Nord", JobCentreId),
        "job_centre",
        "Antrag auf Bürgergeld",
        [ConsentDataCategories.Identity, ConsentDataCategories.Finances],
        new DateOnly(2026, 3, 1),
        "ar",
        interpreterHelped: true,
        ConsentForm.Written,
        validUntil,
        Now);

    [Theory]
    [InlineData("2026-02-28", false)] // before it was given
    [InlineData("2026-03-01", true)] // the day it was given
    [InlineData("2026-12-31", true)] // its last valid day
    [InlineData("2027-01-01", false)] // after it ended
    public void A_consent_holds_from_the_day_given_to_its_last_valid_day(string day, bool valid)
    {
        var consent = JobCentreConsent(validUntil: new DateOnly(2026, 12, 31));

        Assert.Equal(valid, consent.IsValidOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ConsentDataCategories.Finances, new ConsentRecipient("Jobcenter Nord", JobCentreId)));
    }

    [Fact]
    public void A_revoked_consent_holds_until_the_day_before_revocation()
    {
        var consent = JobCentreConsent();
        var recipient = new ConsentRecipient("Jobcenter Nord", JobCentreId);

        Assert.True(consent.Revoke(new DateOnly(2026, 6, 15)).IsSuccess);

        Assert.True(consent.IsValidOn(new DateOnly(2026, 6, 14), ConsentDataCategories.Identity, recipient));
        Assert.False(consent.IsValidOn(new DateOnly(2026, 6, 15), ConsentDataCategories.Identity, recipient));
        Assert.False(consent.Revoke(new DateOnly(2026, 7, 1)).IsSuccess);
    }

    [Fact]
    public void A_consent_covers_only_its_categories_and_its_recipient()
    {
        var consent = JobCentreConsent();
        var day = new DateOnly(2026, 4, 1);

        Assert.False(consent.IsValidOn(day, ConsentDataCategories.Health, new ConsentRecipient("Jobcenter Nord", JobCentreId)));
        Assert.False(consent.IsValidOn(day, ConsentDataCategories.Identity, new ConsentRecipient("Jobcenter Nord", Guid.NewGuid())));
        Assert.False(consent.IsValidOn(day, ConsentDataCategories.Identity, new ConsentRecipient("Schuldnerberatung", null)));
        // By name, when the question names no directory entry: case does not matter.
        Assert.True(consent.IsValidOn(day, ConsentDataCategories.Identity, new ConsentRecipient("jobcenter nord", null)));
    }

    [Fact]
    public void A_consent_cannot_be_revoked_before_it_was_given_nor_end_before_it_began()
    {
        Assert.False(JobCentreConsent().Revoke(new DateOnly(2026, 2, 1)).IsSuccess);
        Assert.Throws<ArgumentException>(() => JobCentreConsent(validUntil: new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void A_closed_case_file_is_due_for_anonymisation_when_the_retention_period_has_passed()
    {
        var caseFile = CaseFile.Open(NewClient(), new DateOnly(2020, 1, 1), null);
        Assert.Null(caseFile.AnonymisationDueOn(RetentionPeriod.Default));

        caseFile.Close(new DateOnly(2023, 5, 31), ClosingReason.MovedAway, null);

        Assert.Equal(new DateOnly(2026, 5, 31), caseFile.AnonymisationDueOn(RetentionPeriod.Default));
        Assert.Equal(new DateOnly(2033, 5, 31), caseFile.AnonymisationDueOn(new RetentionPeriod(10)));
        Assert.False(RetentionPeriod.Default.IsDue(new DateOnly(2023, 5, 31), new DateOnly(2026, 5, 30)));
        Assert.True(RetentionPeriod.Default.IsDue(new DateOnly(2023, 5, 31), new DateOnly(2026, 5, 31)));
    }

    [Fact]
    public void A_case_file_closes_once_and_not_before_it_was_opened()
    {
        var caseFile = CaseFile.Open(NewClient(), new DateOnly(2026, 1, 1), null);

        Assert.False(caseFile.Close(new DateOnly(2025, 12, 31), ClosingReason.Other, null).IsSuccess);
        Assert.True(caseFile.Close(new DateOnly(2026, 2, 1), ClosingReason.Other, null).IsSuccess);
        Assert.False(caseFile.Close(new DateOnly(2026, 2, 2), ClosingReason.Other, null).IsSuccess);
        Assert.True(caseFile.Reopen(new DateOnly(2026, 3, 1)).IsSuccess);
        Assert.Null(caseFile.AnonymisationDueOn(RetentionPeriod.Default));
    }

    [Fact]
    public void Goals_are_due_in_a_week_only_while_not_completed()
    {
        var goal = Goal.Agree(NewClient(), "Termin Ausländerbehörde", ["Unterlagen kopieren"], new DateOnly(2026, 11, 25), null, new DateOnly(2026, 11, 1), null);

        Assert.True(goal.IsDueBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)));
        goal.Complete(new DateOnly(2026, 11, 24), achieved: true);
        Assert.False(goal.IsDueBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)));
    }
}
