using CaseWork.Modules.InterpreterBooking.Domain;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>The one definition of "what keeps an interpreter busy in a period", for matching and for the check when booking.</summary>
internal static class BusyBookings
{
    /// <summary>
    /// Live bookings (booked, or awaiting the interpreter's reconfirmation) that overlap <paramref name="from"/> to
    /// <paramref name="to"/>. No job lasts longer than <see cref="InterpreterRequest.LongestDuration"/>, so such a booking
    /// also ends before <c>to + LongestDuration</c>: with that bound the database reads a few days of the interpreter's
    /// end index (<c>ix_bookings_interpreter_end</c>) instead of every booking still to come (ADR 0050).
    /// </summary>
    public static IQueryable<Booking> LiveOverlapping(this IQueryable<Booking> bookings, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var lastEnd = to + InterpreterRequest.LongestDuration;
        return bookings.Where(b => (b.State == BookingState.Booked || b.State == BookingState.AwaitingReconfirmation)
                                   && b.End > from && b.End <= lastEnd && b.Start < to);
    }
}
