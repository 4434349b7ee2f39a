using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A pool member who may be a candidate, with one live booking around the job (or none: <paramref name="Busy"/> null).</summary>
    internal sealed record CandidateRow(UserId Id, int Version, DateTimeOffset? LastAssignedAt, BusyPeriod? Busy);

    /// <summary>
    /// Matching's one statement (ADR 0050): the office's current members who speak the language (<c>code</c>, "|ar|") in the
    /// modality, left-joined to their bookings as <see cref="LiveOverlapping"/> selects them (the same condition, written
    /// out because a compiled query cannot call it; <c>BusyBookingsTests</c> and <c>ParsedProfilesTests</c> hold both).
    /// Compiled once: every view of a request runs it.
    /// </summary>
    public static IAsyncEnumerable<CandidateRow> CandidatesAsync(
        InterpreterBookingDbContext db, OfficeId office, string code, Modalities modality, DateTimeOffset from, DateTimeOffset to) =>
        Candidates.For(db)(db, office, code, modality, from, to, to + InterpreterRequest.LongestDuration);

    private static readonly PerModel<Func<InterpreterBookingDbContext, OfficeId, string, Modalities, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<CandidateRow>>> Candidates =
        new(() => EF.CompileAsyncQuery(
            (InterpreterBookingDbContext db, OfficeId office, string code, Modalities modality, DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset lastEnd) =>
                from p in db.Interpreters.AsNoTracking()
                where db.PoolMemberships.IgnoreQueryFilters().Any(m => m.OfficeId == office && m.LeftAt == null && m.InterpreterId == p.Id)
                      && (p.LanguageCodes == "" || p.LanguageCodes.Contains(code))
                      && (p.Modalities & modality) != 0
                from b in db.Bookings.IgnoreQueryFilters()
                    .Where(b => b.InterpreterId == p.Id
                                && (b.State == BookingState.Booked || b.State == BookingState.AwaitingReconfirmation)
                                && b.End > periodStart && b.End <= lastEnd && b.Start < periodEnd)
                    .DefaultIfEmpty()
                select new CandidateRow(p.Id, p.Version, p.LastAssignedAt,
                    b == null ? null : new BusyPeriod(b.RequestId, b.Start, b.End, b.Modality == Modality.InPerson))));
}
