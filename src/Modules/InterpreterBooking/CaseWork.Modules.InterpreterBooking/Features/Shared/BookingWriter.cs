using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// Books an interpreter for a request so that neither a request nor an interpreter is ever booked twice, also with several
/// hosts (ADR 0018): in one transaction it first writes the interpreter's guard row (a row lock on PostgreSQL, the write
/// lock on SQLite), so bookings of one interpreter run one after the other and each sees the previous one in its overlap
/// check; the request's version check lets only the first of racing accepts fill it; the unique live-booking index is the
/// last line.
/// </summary>
internal sealed class BookingWriter(InterpreterBookingDbContext db, TimeProvider clock)
{
    public async Task<Result<Booking>> BookAsync(
        Guid requestId,
        UserId interpreter,
        Func<InterpreterRequest, DateTimeOffset, Result<Unit>> fill,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var guarded = await db.Interpreters
            .Where(p => p.Id == interpreter)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BookingGuard, p => p.BookingGuard + 1), cancellationToken);
        if (guarded == 0)
        {
            return Error.NotFound("interpreter-not-found", "There is no such interpreter.");
        }

        var request = await db.Requests.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Error.NotFound("request-not-found", "There is no such request.");
        }

        var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
        var profile = await db.Interpreters.AsNoTracking().FirstAsync(p => p.Id == interpreter, cancellationToken);
        var from = request.Start.AddDays(-1);
        var to = request.End.AddDays(1);
        var busy = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.InterpreterId == interpreter && b.RequestId != request.Id)
            .LiveOverlapping(from, to)
            .ToListAsync(cancellationToken);
        if (busy.Any(b => InterpreterMatcher.Collides(request.Need, b.Busy, policy.TravelBuffer)))
        {
            return Error.Conflict("interpreter-busy", "You already have a job at this time (including travel time).");
        }

        var day = policy.LocalDay(request.Start);
        if (busy.Count(b => policy.LocalDay(b.Start) == day) >= profile.DailyMaximum)
        {
            return Error.Conflict("daily-maximum", "You already have as many jobs on this day as your profile allows.");
        }

        var filled = fill(request, now);
        if (!filled.IsSuccess)
        {
            return filled.Error;
        }

        var booking = new Booking(request, interpreter, now);
        db.Bookings.Add(booking);
        db.Enqueue(new InterpreterBooked(Guid.NewGuid(), now, request.OfficeId, request.Id, request.AppointmentId, interpreter, profile.DisplayName));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Interpreters
                .Where(p => p.Id == interpreter)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastAssignedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The request changed under us (another accept won) or its live booking exists already: the same answer.
            db.ChangeTracker.Clear();
            return Error.Conflict("offer-no-longer-open", "This job is no longer open: it was taken by someone else, withdrawn or given up.");
        }

        return booking;
    }
}
