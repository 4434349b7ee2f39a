using CaseWork.Modules.Referrals.Domain.Referrals;
using static CaseWork.Modules.Referrals.Domain.Referrals.ReferralStatus;

namespace CaseWork.Modules.Referrals.Tests.Domain;

public sealed class ReferralStateMachineTests
{
    // The issue's state machine, written out independently of the domain's table.
    private static readonly (ReferralStatus From, ReferralStatus To)[] Expected =
    [
        (Draft, Sent), (Draft, Withdrawn),
        (Sent, Accepted), (Sent, Declined), (Sent, Waitlisted), (Sent, Withdrawn), (Sent, Expired),
        (Waitlisted, Waitlisted), (Waitlisted, Accepted), (Waitlisted, Declined), (Waitlisted, InProgress), (Waitlisted, Withdrawn),
        (Accepted, InProgress), (Accepted, Completed), (Accepted, Withdrawn),
        (InProgress, Completed), (InProgress, Withdrawn),
    ];

    public static IEnumerable<object[]> EveryPair()
    {
        var data = new List<object[]>();
        foreach (var from in Enum.GetValues<ReferralStatus>())
        {
            foreach (var to in Enum.GetValues<ReferralStatus>().Where(s => s != Draft))
            {
                data.Add([from, to, Expected.Contains((from, to))]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    internal void Every_transition_is_allowed_or_refused_as_specified(ReferralStatus from, ReferralStatus to, bool allowed)
    {
        var referral = ReferralBuilder.InStatus(from);
        var historyBefore = referral.History.Count;

        var moved = ReferralBuilder.TryMove(referral, to);

        Assert.Equal(allowed, moved);
        Assert.Equal(allowed ? to : from, referral.Status);
        Assert.Equal(allowed ? historyBefore + 1 : historyBefore, referral.History.Count);
    }

    [Fact]
    public void Every_change_is_kept_with_who_and_when()
    {
        var referral = ReferralBuilder.Draft();
        var t0 = ReferralBuilder.Monday;
        referral.Send(ReferralBuilder.Consent, false, ReferralBuilder.Worker, t0.AddHours(1));
        referral.Waitlist(4, new DateOnly(2026, 12, 1), ReferralBuilder.Agency, t0.AddDays(1));
        referral.Start(ReferralBuilder.Agency, t0.AddDays(10));
        referral.Complete(ReferralOutcome.NotReached, "kein Termin wahrgenommen", ReferralBuilder.Agency, t0.AddDays(20));

        Assert.Equal([Draft, Sent, Waitlisted, InProgress, Completed], referral.History.Select(h => h.To));
        Assert.Equal([null, Draft, Sent, Waitlisted, InProgress], referral.History.Select(h => h.From));
        Assert.Equal([t0, t0.AddHours(1), t0.AddDays(1), t0.AddDays(10), t0.AddDays(20)], referral.History.Select(h => h.At));
        Assert.Equal(["Worker", "Worker", "Beratungsstelle", "Beratungsstelle", "Beratungsstelle"], referral.History.Select(h => h.ActorName));
        Assert.Equal(ActorKind.AgencyLink, referral.History[^1].ActorKind);
        Assert.Equal(ReferralBuilder.Worker.UserId, referral.History[1].ActorUserId);
        Assert.Equal(t0.AddDays(10), referral.AcceptedAt);
        Assert.Equal(t0.AddDays(1), referral.AnsweredAt);
        Assert.Equal(ReferralOutcome.NotReached, referral.Outcome);
        Assert.Equal(4, HistoryNotes.PositionOf(referral.History[2].Note));
    }

    [Theory]
    [InlineData("position 12", 12)]
    [InlineData("position -1", null)]
    [InlineData("position", null)]
    [InlineData("Position 3 laut Telefonat", null)]
    [InlineData(null, null)]
    public void Only_the_modules_own_waitlist_note_reads_as_a_position(string? note, int? position) =>
        Assert.Equal(position, HistoryNotes.PositionOf(note));

    [Fact]
    public void A_decline_needs_a_coded_reason()
    {
        var referral = ReferralBuilder.InStatus(Sent);

        var result = referral.Decline(DeclinedBy.Agency, null, "voll", ReferralBuilder.Agency, ReferralBuilder.Monday.AddDays(1));

        Assert.False(result.IsSuccess);
        Assert.Contains("Reason", result.Error!.FieldErrors!.Keys);
        Assert.Equal(Sent, referral.Status);
    }

    [Fact]
    public void Declined_by_the_client_is_kept_apart_from_the_agency()
    {
        var referral = ReferralBuilder.InStatus(Sent);

        referral.Decline(DeclinedBy.Client, DeclineReason.ClientDeclined, null, ReferralBuilder.Worker, ReferralBuilder.Monday.AddDays(1));

        Assert.Equal(DeclinedBy.Client, referral.DeclinedBy);
        Assert.Equal(DeclineReason.ClientDeclined, referral.DeclineReason);
    }

    [Fact]
    public void A_completion_needs_an_outcome()
    {
        var referral = ReferralBuilder.InStatus(Accepted);

        var result = referral.Complete(null, null, ReferralBuilder.Agency, ReferralBuilder.Monday.AddDays(3));

        Assert.False(result.IsSuccess);
        Assert.Equal(Accepted, referral.Status);
    }

    [Fact]
    public void A_waitlist_position_below_one_is_refused()
    {
        var referral = ReferralBuilder.InStatus(Sent);

        Assert.False(referral.Waitlist(0, null, ReferralBuilder.Agency, ReferralBuilder.Monday.AddDays(1)).IsSuccess);
        Assert.Equal(Sent, referral.Status);
    }

    [Fact]
    public void Refused_transitions_are_conflicts()
    {
        var referral = ReferralBuilder.InStatus(Completed);

        var result = referral.Accept(ReferralBuilder.Agency, ReferralBuilder.Monday.AddDays(9));

        Assert.Equal(CaseWork.BuildingBlocks.Results.ErrorKind.Conflict, result.Error!.Kind);
    }

    [Fact]
    public void Codes_are_snake_case_and_round_trip()
    {
        Assert.Equal("in_progress", ReferralCodes.Code(InProgress));
        Assert.Equal("did_not_attend", ReferralCodes.Code(ReferralOutcome.DidNotAttend));
        Assert.Equal(["goal_reached", "partly_reached", "not_reached", "client_withdrew", "did_not_attend"], ReferralCodes.All<ReferralOutcome>());
        Assert.True(ReferralCodes.TryParse<DeclineReason>("no_capacity", out var reason));
        Assert.Equal(DeclineReason.NoCapacity, reason);
        Assert.False(ReferralCodes.TryParse<DeclineReason>("NoCapacity", out _));
    }

    [Fact]
    public void Anonymising_drops_free_text_and_the_link_but_keeps_what_counts()
    {
        var referral = ReferralBuilder.InStatus(Sent);
        referral.IssueAgencyLink("hash", ReferralBuilder.Monday.AddDays(30));
        referral.Decline(DeclinedBy.Agency, DeclineReason.NotEligible, "Frau X. wohnt nicht im Bezirk", ReferralBuilder.Agency, ReferralBuilder.Monday.AddDays(1));

        referral.Anonymise();

        Assert.True(referral.IsAnonymised);
        Assert.Null(referral.Message);
        Assert.Null(referral.AgencyLinkHash);
        Assert.All(referral.History, h => Assert.Null(h.Note));
        Assert.Equal(Declined, referral.Status);
        Assert.Equal(DeclineReason.NotEligible, referral.DeclineReason);
    }
}
