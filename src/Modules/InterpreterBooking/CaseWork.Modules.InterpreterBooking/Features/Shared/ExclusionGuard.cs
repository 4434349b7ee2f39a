using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>What applying the exclusions did to a request.</summary>
internal sealed record ExclusionOutcome(int OffersWithdrawn, bool BookingReleased)
{
    public static ExclusionOutcome Nothing { get; } = new(0, false);
}

/// <summary>
/// Applies a request's exclusions after the fact: when its clients change, or an office declares a conflict of interest, an
/// interpreter who was already asked or booked may no longer do the job. Their pending offers are withdrawn; a booking of
/// theirs is cancelled (the interpreter is told; billable inside the late window, as any cancellation by the office) and the
/// request is offered again; a tier left without anyone to answer moves on at once. The caller saves.
/// </summary>
internal sealed class ExclusionGuard(InterpreterBookingDbContext db, OfferRound round, InterpreterNotifier notifier)
{
    public const string Reason = "conflict of interest: a client of the appointment excludes this interpreter";

    /// <summary>Withdraws and releases as the request's exclusions (and <paramref name="alsoExcluded"/>, declared in this unit of work and not saved yet) require.</summary>
    public async Task<ExclusionOutcome> ApplyAsync(
        InterpreterRequest request, BookingPolicy policy, DateTimeOffset now, CancellationToken cancellationToken, UserId? alsoExcluded = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (request.State is RequestState.Cancelled || request.End <= now)
        {
            return ExclusionOutcome.Nothing;
        }

        var excluded = await round.ExcludedAsync(request, cancellationToken);
        if (alsoExcluded is { } more)
        {
            excluded.Add(more);
        }

        if (excluded.Count == 0)
        {
            return ExclusionOutcome.Nothing;
        }

        var withdrawn = request.WithdrawOffersTo(excluded, now);
        var released = false;
        if (request.BookedInterpreterIsAmong(excluded))
        {
            var booking = await db.Bookings.FirstOrDefaultAsync(b => b.ActiveRequestId == request.Id, cancellationToken);
            if (booking is not null)
            {
                var billable = policy.IsLateCancellation(now, booking.Start);
                booking.Cancel(Reason, billable, now);
                db.Enqueue(new InterpreterBookingCancelled(Guid.NewGuid(), now, request.OfficeId, request.Id, request.AppointmentId, booking.InterpreterId, Reason));
                var profile = await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(p => p.Id == booking.InterpreterId, cancellationToken);
                await notifier.CancelledAsync(booking.InterpreterId, profile?.Email, request, billable, policy.Zone, cancellationToken);
            }

            request.Reopen(policy, now);
            released = true;
        }

        if (released || (withdrawn.Count > 0 && request.State == RequestState.Offered && request.TierIsOver(now, policy)))
        {
            var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
            await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
        }

        return new ExclusionOutcome(withdrawn.Count, released);
    }
}
