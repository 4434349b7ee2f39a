using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Referrals.Domain.Referrals;

namespace CaseWork.Modules.Referrals.Tests.Domain;

public sealed class ConsentGateTests
{
    private static readonly ConsentOverride Supervisor = new(UserId.New(), "Teamleitung", "Akute Wohnungslosigkeit, Klientin nicht erreichbar");

    [Fact]
    public void A_covering_consent_is_the_basis()
    {
        var consentId = Guid.CreateVersion7();

        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(true, consentId, []), null);

        Assert.Null(refusal);
        Assert.Equal(consentId, basis!.ConsentId);
        Assert.Null(basis.Override);
    }

    [Fact]
    public void Without_a_covering_consent_sending_is_refused()
    {
        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(false, null, ["health"]), null);

        Assert.Null(basis);
        Assert.Equal("consent-missing", refusal);
    }

    [Fact]
    public void Without_an_answer_from_the_register_sending_is_refused()
    {
        var (basis, refusal) = SharingBasis.Decide(null, null);

        Assert.Null(basis);
        Assert.Equal("consent-register-unavailable", refusal);
    }

    [Fact]
    public void A_supervisor_may_override_with_a_written_reason()
    {
        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(false, null, ["identity"]), Supervisor);

        Assert.Null(refusal);
        Assert.Null(basis!.ConsentId);
        Assert.Equal(Supervisor.Reason, basis.Override!.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dringend")]
    public void An_override_without_a_real_reason_is_refused(string reason)
    {
        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(false, null, ["identity"]), Supervisor with { Reason = reason });

        Assert.Null(basis);
        Assert.Equal("override-reason-required", refusal);
    }

    [Fact]
    public void The_override_is_kept_on_the_referral()
    {
        var referral = ReferralBuilder.Draft();
        var (basis, _) = SharingBasis.Decide(new ConsentAnswer(false, null, ["identity"]), Supervisor);

        referral.Send(basis!, false, ReferralBuilder.Worker, ReferralBuilder.Monday);

        Assert.Equal(Supervisor.SupervisorId, referral.ConsentOverriddenBy);
        Assert.Equal(Supervisor.Reason, referral.ConsentOverrideReason);
        Assert.Null(referral.ConsentId);
        Assert.Equal("consent override", referral.History[^1].Note);
    }

    [Fact]
    public void A_public_body_gets_the_minimum_by_default()
    {
        Assert.Equal(["identity", "contact"], SharingPolicy.DefaultFor(publicBody: true));
        Assert.Contains("needs", SharingPolicy.DefaultFor(publicBody: false));
    }

    [Fact]
    public void More_than_the_minimum_to_a_public_body_needs_the_warning_acknowledged()
    {
        var referral = ReferralBuilder.Draft(publicBody: true, categories: ["identity", "residence"]);

        var refused = referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, ReferralBuilder.Monday);
        Assert.False(refused.IsSuccess);
        Assert.Contains("PublicBodyWarningAcknowledged", refused.Error!.FieldErrors!.Keys);
        Assert.Equal(ReferralStatus.Draft, referral.Status);

        Assert.True(referral.Send(ReferralBuilder.Consent, true, ReferralBuilder.Worker, ReferralBuilder.Monday).IsSuccess);
        Assert.True(referral.PublicBodyWarningAcknowledged);
    }

    [Fact]
    public void The_minimum_to_a_public_body_needs_no_acknowledgement()
    {
        var referral = ReferralBuilder.Draft(publicBody: true, categories: ["identity", "contact"]);

        Assert.True(referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, ReferralBuilder.Monday).IsSuccess);
    }

    [Fact]
    public void A_revoked_consent_stops_sharing_on_the_open_referral_that_relies_on_it()
    {
        var referral = ReferralBuilder.Draft();
        var consentId = Guid.CreateVersion7();
        referral.Send(new SharingBasis(consentId, null), false, ReferralBuilder.Worker, ReferralBuilder.Monday);

        Assert.False(referral.StopSharing(Guid.CreateVersion7(), ReferralBuilder.Monday.AddDays(1)));
        Assert.True(referral.SharesPersonalData);

        Assert.True(referral.StopSharing(consentId, ReferralBuilder.Monday.AddDays(1)));
        Assert.False(referral.SharesPersonalData);
        Assert.Empty(referral.SharedCategoryList);
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.False(referral.StopSharing(consentId, ReferralBuilder.Monday.AddDays(2)));
    }

    [Fact]
    public void A_closed_referral_is_left_as_it_was_when_consent_is_revoked()
    {
        var referral = ReferralBuilder.InStatus(ReferralStatus.Completed);

        Assert.False(referral.StopSharing(referral.ConsentId!.Value, ReferralBuilder.Monday.AddDays(30)));
    }
}
