using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.TestKit;
using static CaseWork.Modules.InterpreterBooking.Tests.Domain.DomainFixtures;

namespace CaseWork.Modules.InterpreterBooking.Tests.Domain;

public sealed class RequestLifecycleTests
{
    private static List<RankedInterpreter> Ranked(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new RankedInterpreter(BuildingBlocks.Ids.UserId.New(), $"I{i}", i, Qualification.TrainedCommunityInterpreter, null))
            .ToList();

    [Fact]
    public void Inside_the_notice_period_of_four_working_days_a_request_is_urgent()
    {
        // Monday: Friday is 4 working days ahead (not urgent), Thursday only 3.
        var policy = Policy();
        Assert.True(Request(Monday.AddDays(3), Monday).Urgent);
        Assert.False(Request(Monday.AddDays(4), Monday).Urgent);
        // Friday to next Thursday spans a weekend: 4 working days.
        Assert.False(Request(Monday.AddDays(10), Monday.AddDays(4)).Urgent);
        Assert.True(Request(Monday.AddDays(9), Monday.AddDays(4)).Urgent);
        Assert.Equal(4, policy.NoticeWorkingDays);
    }

    [Fact]
    public void Offers_go_out_in_tiers_and_the_next_tier_only_after_the_window()
    {
        var clock = new FakeTimeProvider(Monday);
        var policy = Policy();
        var request = Request(Monday.AddDays(10), clock.GetUtcNow());
        var ranked = Ranked(7);

        var first = request.OfferNextTier(ranked, policy, clock.GetUtcNow());
        Assert.Equal(["I1", "I2", "I3"], first.Select(o => ranked.Single(r => r.InterpreterId == o.InterpreterId).DisplayName));
        Assert.Equal(RequestState.Offered, request.State);

        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.False(request.TierIsOver(clock.GetUtcNow(), policy));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(request.TierIsOver(clock.GetUtcNow(), policy));
        var second = request.OfferNextTier(ranked, policy, clock.GetUtcNow());
        Assert.Equal([4, 5, 6], second.Select(o => o.Rank));
        Assert.All(second, o => Assert.Equal(2, o.Tier));
        // The first tier's offers stay open: whoever of the six accepts first wins.
        Assert.Equal(6, request.PendingOffers.Count());
    }

    [Fact]
    public void A_tier_in_which_everybody_declined_is_over_at_once()
    {
        var policy = Policy();
        var request = Request(Monday.AddDays(10), Monday);
        var offers = request.OfferNextTier(Ranked(2), policy, Monday);

        foreach (var offer in offers)
        {
            Assert.True(request.Decline(offer.Id, offer.InterpreterId, "krank", Monday.AddMinutes(5)).IsSuccess);
        }

        Assert.True(request.TierIsOver(Monday.AddMinutes(5), policy));
        Assert.Equal("krank", offers[0].DeclineReason);
    }

    [Fact]
    public void The_first_accept_wins_and_the_other_offers_are_withdrawn()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var offers = request.OfferNextTier(Ranked(3), Policy(), Monday);

        var accepted = request.Accept(offers[1].Id, offers[1].InterpreterId, Monday.AddMinutes(3));
        var late = request.Accept(offers[0].Id, offers[0].InterpreterId, Monday.AddMinutes(4));

        Assert.True(accepted.IsSuccess);
        Assert.Equal(RequestState.Filled, request.State);
        Assert.Equal(offers[1].InterpreterId, request.InterpreterId);
        Assert.Equal(OfferState.Withdrawn, offers[0].State);
        Assert.Equal(OfferState.Withdrawn, offers[2].State);
        Assert.Equal(ErrorKind.Conflict, late.Error!.Kind);
    }

    [Fact]
    public void Another_interpreters_offer_cannot_be_accepted()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var offers = request.OfferNextTier(Ranked(2), Policy(), Monday);

        var result = request.Accept(offers[0].Id, offers[1].InterpreterId, Monday);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(RequestState.Offered, request.State);
    }

    [Fact]
    public void Nobody_accepting_by_the_deadline_gives_the_request_up()
    {
        var clock = new FakeTimeProvider(Monday);
        var start = Monday.AddDays(10);
        var request = Request(start, clock.GetUtcNow());
        var offers = request.OfferNextTier(Ranked(3), Policy(), clock.GetUtcNow());
        Assert.Equal(start.AddHours(-24), request.Deadline);

        clock.SetUtcNow(request.Deadline.AddTicks(-1));
        Assert.False(request.GiveUpIfDue(clock.GetUtcNow()));
        clock.SetUtcNow(request.Deadline);
        Assert.True(request.GiveUpIfDue(clock.GetUtcNow()));

        Assert.Equal(RequestState.Unfilled, request.State);
        Assert.All(offers, o => Assert.Equal(OfferState.Expired, o.State));
        Assert.Equal(ErrorKind.Conflict, request.Accept(offers[0].Id, offers[0].InterpreterId, clock.GetUtcNow()).Error!.Kind);
    }

    [Fact]
    public void An_urgent_request_gets_at_least_one_short_window_before_it_is_given_up()
    {
        var now = Monday;
        var request = Request(now.AddHours(5), now);

        Assert.True(request.Urgent);
        Assert.Equal(now.AddMinutes(30), request.Deadline);
    }

    [Fact]
    public void Rescheduling_an_unfilled_request_withdraws_its_offers_and_starts_a_new_round()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var ranked = Ranked(3);
        var offers = request.OfferNextTier(ranked, Policy(), Monday);

        request.Reschedule(Monday.AddDays(12), Monday.AddDays(12).AddHours(1), "Raum 3", Modality.InPerson, Policy(), Monday.AddHours(1));
        var again = request.OfferNextTier(ranked, Policy(), Monday.AddHours(1));

        Assert.All(offers, o => Assert.Equal(OfferState.Withdrawn, o.State));
        Assert.Equal(3, again.Count);
        Assert.Equal(Monday.AddDays(11), request.Deadline);
    }

    [Fact]
    public void Rescheduling_a_booked_job_asks_for_reconfirmation_and_a_decline_reopens_the_request()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var offers = request.OfferNextTier(Ranked(2), Policy(), Monday);
        request.Accept(offers[0].Id, offers[0].InterpreterId, Monday);
        var booking = new Booking(request, offers[0].InterpreterId, Monday);
        var moved = Monday.AddDays(11);

        request.Reschedule(moved, moved.AddHours(1), null, Modality.InPerson, Policy(), Monday.AddDays(1));
        booking.AskReconfirmation(request.Start, request.End, request.Modality);

        Assert.Equal(RequestState.Filled, request.State);
        Assert.Equal(BookingState.AwaitingReconfirmation, booking.State);
        Assert.Equal(moved, booking.Start);

        Assert.True(booking.Reconfirm(confirmed: false, "keine Zeit", Monday.AddDays(1)).IsSuccess);
        request.Reopen(Policy(), Monday.AddDays(1));
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.Null(booking.ActiveRequestId);
        Assert.False(booking.Billable);
        Assert.Equal(RequestState.Open, request.State);
        Assert.Null(request.InterpreterId);
    }

    [Fact]
    public void Reconfirming_keeps_the_booking()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var booking = new Booking(request, BuildingBlocks.Ids.UserId.New(), Monday);
        booking.AskReconfirmation(request.Start.AddHours(2), request.End.AddHours(2), Modality.Video);

        Assert.True(booking.Reconfirm(confirmed: true, null, Monday).IsSuccess);
        Assert.Equal(BookingState.Booked, booking.State);
        Assert.Equal(ErrorKind.Conflict, booking.Reconfirm(confirmed: true, null, Monday).Error!.Kind);
    }

    [Theory]
    [InlineData(25, false)]
    [InlineData(24, false)]
    [InlineData(23, true)]
    [InlineData(1, true)]
    public void Cancelling_within_24_hours_of_the_start_is_billable(int hoursBefore, bool billable)
    {
        var start = Monday.AddDays(10);
        var policy = Policy();
        var request = Request(start, Monday);
        var booking = new Booking(request, BuildingBlocks.Ids.UserId.New(), Monday);
        var now = start.AddHours(-hoursBefore);

        booking.Cancel("appointment cancelled", policy.IsLateCancellation(now, start), now);

        Assert.Equal(billable, booking.Billable);
        Assert.Equal(billable ? 40m : 0m, booking.Fee(new FeeRates(40m, 20m, 0.3m, "EUR")).Amount);
    }

    [Fact]
    public void A_recorded_job_is_paid_once_the_worker_confirms_it_with_the_code()
    {
        var start = Monday.AddDays(1);
        var request = Request(start, Monday);
        var booking = new Booking(request, BuildingBlocks.Ids.UserId.New(), Monday);
        var rates = new FeeRates(40m, 20m, 0.30m, "EUR");

        Assert.Equal(ErrorKind.Validation, booking.Record(start, start.AddMinutes(90), 30, 12m, start.AddMinutes(-5)).Error!.Kind);
        Assert.True(booking.Record(start, start.AddMinutes(90), 30, 12m, start.AddHours(2)).IsSuccess);
        Assert.Equal(0m, booking.Fee(rates).Amount);
        Assert.Equal(ErrorKind.Validation, booking.Confirm(BuildingBlocks.Ids.UserId.New(), "WRONG", start.AddHours(3)).Error!.Kind);
        Assert.True(booking.Confirm(BuildingBlocks.Ids.UserId.New(), booking.ConfirmationCode.ToLowerInvariant(), start.AddHours(3)).IsSuccess);

        // 1.5 h x 40 + 0.5 h x 20 + 12 km x 0.30
        Assert.Equal(new Money(73.60m, "EUR"), booking.Fee(rates));
    }

    [Fact]
    public void Job_details_are_visible_until_the_access_period_after_the_job_ends()
    {
        var policy = Policy();
        var request = Request(Monday.AddDays(1), Monday);
        var booking = new Booking(request, BuildingBlocks.Ids.UserId.New(), Monday);

        Assert.True(booking.DetailsVisible(request.End.AddDays(14), policy));
        Assert.False(booking.DetailsVisible(request.End.AddDays(14).AddSeconds(1), policy));
    }

    [Fact]
    public void A_coordinator_can_assign_directly_even_after_the_request_was_given_up()
    {
        var request = Request(Monday.AddDays(10), Monday);
        var offers = request.OfferNextTier(Ranked(2), Policy(), Monday);
        request.GiveUpIfDue(request.Deadline);
        var chosen = BuildingBlocks.Ids.UserId.New();

        Assert.True(request.Assign(chosen, request.Deadline).IsSuccess);
        Assert.Equal(RequestState.Filled, request.State);
        Assert.Equal(chosen, request.InterpreterId);
        Assert.All(offers, o => Assert.NotEqual(OfferState.Pending, o.State));
        Assert.Equal(ErrorKind.Conflict, request.Assign(chosen, request.Deadline).Error!.Kind);
    }

    [Fact]
    public void A_job_lasts_at_most_a_day_however_it_is_entered_or_moved()
    {
        var policy = Policy();
        var start = Monday.AddDays(10);
        var day = InterpreterRequest.LongestDuration;
        Assert.Throws<ArgumentException>(() => InterpreterRequest.Create(
            Office, null, [], "ar", null, Modality.Phone, start, start + day + TimeSpan.FromMinutes(1), null, null, SubjectArea.Other, null, null, null, null, policy, Monday));
        var whole = InterpreterRequest.Create(Office, null, [], "ar", null, Modality.Phone, start, start + day, null, null, SubjectArea.Other, null, null, null, null, policy, Monday);
        Assert.Equal(day, whole.Duration);

        var edited = whole.Edit("ar", null, Modality.Phone, start, start + day + TimeSpan.FromMinutes(1), null, null, SubjectArea.Other, null, null, policy, Monday);
        Assert.Equal("durationMinutes", Assert.Single(edited.Error!.FieldErrors!).Key);
        Assert.Throws<ArgumentException>(() => whole.Reschedule(start, start.AddDays(2), null, Modality.Phone, policy, Monday));
        Assert.Equal(day, whole.Duration);
    }
}
