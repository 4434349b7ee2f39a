using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Referrals;
using static CaseWork.Modules.Referrals.Domain.Referrals.ReferralStatus;

namespace CaseWork.Modules.Referrals.Tests.Domain;

/// <summary>A draft is edited, re-targeted and discarded only while it is a draft; everything is kept in the history.</summary>
public sealed class ReferralDraftTests
{
    private static readonly ReferralRecipient JobCentre = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Jobcenter Mitte", "job_centre", true);

    [Fact]
    public void A_draft_is_edited_with_who_and_when_and_keeps_its_choices()
    {
        var referral = ReferralBuilder.Draft();
        var kept = referral.Needs[0];
        var added = new ReferralNeed(Guid.Empty, Guid.CreateVersion7(), "work_training");

        var edited = referral.EditDraft(JobCentre, [kept, added], ["identity", "finances", "identity"], ReferralUrgency.Emergency, "  neu  ", true,
            ReferralBuilder.Worker, ReferralBuilder.Monday.AddHours(2));

        Assert.True(edited.IsSuccess);
        Assert.Equal(Draft, referral.Status);
        Assert.Equal(JobCentre.ServiceId, referral.ServiceId);
        Assert.True(referral.ToPublicBody);
        Assert.Equal("Jobcenter Mitte", referral.RecipientName);
        Assert.Equal([kept.NeedId, added.NeedId], referral.Needs.Select(n => n.NeedId));
        Assert.All(referral.Needs, n => Assert.Equal(referral.Id, n.ReferralId));
        Assert.Equal(["identity", "finances"], referral.SharedCategoryList);
        Assert.Equal(ReferralUrgency.Emergency, referral.Urgency);
        Assert.Equal("neu", referral.Message);
        Assert.True(referral.PublicBodyWarningAcknowledged);
        Assert.Null(referral.SentAt);
        Assert.Null(referral.AgencyLinkHash);
        var change = referral.History[^1];
        Assert.Equal((Draft, Draft, "draft edited"), (change.From!.Value, change.To, change.Note));
        Assert.Equal(ReferralBuilder.Monday.AddHours(2), change.At);

        // Dropping a need removes it from the draft.
        referral.EditDraft(JobCentre, [added], ["identity"], ReferralUrgency.Normal, null, false, ReferralBuilder.Worker, ReferralBuilder.Monday.AddHours(3));
        Assert.Equal([added.NeedId], referral.Needs.Select(n => n.NeedId));
        Assert.Null(referral.Message);
    }

    [Theory]
    [InlineData(Sent)]
    [InlineData(Accepted)]
    [InlineData(Withdrawn)]
    [InlineData(Completed)]
    [InlineData(Expired)]
    internal void Only_a_draft_can_be_edited_retargeted_or_discarded(ReferralStatus status)
    {
        var referral = ReferralBuilder.InStatus(status);
        var history = referral.History.Count;
        var service = referral.ServiceId;
        var categories = referral.SharedCategories;

        var edited = referral.EditDraft(JobCentre, [], ["identity"], ReferralUrgency.Urgent, "x", true, ReferralBuilder.Worker, ReferralBuilder.Monday.AddDays(30));
        var retargeted = referral.Retarget(JobCentre);
        var discarded = referral.DiscardDraft(ReferralBuilder.Worker, ReferralBuilder.Monday.AddDays(30));

        Assert.Equal(ErrorKind.Conflict, edited.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, retargeted.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, discarded.Error!.Kind);
        Assert.Equal(status, referral.Status);
        Assert.Equal(history, referral.History.Count);
        Assert.Equal(service, referral.ServiceId);
        Assert.Equal(categories, referral.SharedCategories);
    }

    [Fact]
    public void A_discarded_draft_is_withdrawn_and_kept_in_the_history()
    {
        var referral = ReferralBuilder.Draft();

        var discarded = referral.DiscardDraft(ReferralBuilder.Worker, ReferralBuilder.Monday.AddDays(1));

        Assert.True(discarded.IsSuccess);
        Assert.Equal(Withdrawn, referral.Status);
        Assert.Equal(ReferralBuilder.Monday.AddDays(1), referral.ClosedAt);
        Assert.Null(referral.SentAt);
        Assert.Equal([Draft, Withdrawn], referral.History.Select(h => h.To));
        Assert.Equal("draft discarded", referral.History[^1].Note);
        Assert.False(referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, ReferralBuilder.Monday.AddDays(2)).IsSuccess);
    }

    [Fact]
    public void A_saved_draft_to_a_public_body_is_sent_only_with_the_warning_acknowledged_at_send_time()
    {
        var referral = ReferralBuilder.Draft();
        referral.EditDraft(JobCentre, referral.Needs.ToList(), ["identity", "contact", "finances"], ReferralUrgency.Normal, null, false,
            ReferralBuilder.Worker, ReferralBuilder.Monday);

        var refused = referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, ReferralBuilder.Monday.AddHours(1));
        Assert.Equal(ErrorKind.Validation, refused.Error!.Kind);
        Assert.Equal(Draft, referral.Status);

        Assert.True(referral.Send(ReferralBuilder.Consent, true, ReferralBuilder.Worker, ReferralBuilder.Monday.AddHours(2)).IsSuccess);
        Assert.Equal(Sent, referral.Status);
    }
}
