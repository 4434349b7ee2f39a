using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>What cancelling a request did to its booking, if it had one.</summary>
internal sealed record CancelledBooking(Guid BookingId, bool Billable);

/// <summary>
/// Cancels a request, whether its appointment was cancelled or a worker cancelled a hand-entered one: pending offers are
/// withdrawn, a live booking is cancelled (billable inside the office's late window), <see cref="InterpreterBookingCancelled"/>
/// goes to the outbox and the booked interpreter is told. The caller saves.
/// </summary>
internal sealed class RequestCancellation(InterpreterBookingDbContext db, InterpreterNotifier notifier)
{
    public async Task<CancelledBooking?> CancelAsync(InterpreterRequest request, BookingPolicy policy, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        request.Cancel(now, reason);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.ActiveRequestId == request.Id, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var billable = policy.IsLateCancellation(now, booking.Start);
        booking.Cancel(reason, billable, now);
        db.Enqueue(new InterpreterBookingCancelled(Guid.NewGuid(), now, request.OfficeId, request.Id, request.AppointmentId, booking.InterpreterId, reason));
        var profile = await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(p => p.Id == booking.InterpreterId, cancellationToken);
        await notifier.CancelledAsync(booking.InterpreterId, profile?.Email, request, billable, policy.Zone, cancellationToken);
        return new CancelledBooking(booking.Id, billable);
    }
}
