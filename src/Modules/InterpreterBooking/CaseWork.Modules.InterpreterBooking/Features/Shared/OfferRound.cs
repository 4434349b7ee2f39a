using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>Matches a request against its office's pool (bookings of every office count) and offers the next tier.</summary>
internal sealed class OfferRound(InterpreterBookingDbContext db, ClientFacts clients)
{
    public async Task<MatchReport> MatchAsync(InterpreterRequest request, BookingPolicy policy, CancellationToken cancellationToken)
    {
        var memberIds = await db.PoolMemberships.IgnoreQueryFilters()
            .Where(m => m.OfficeId == request.OfficeId)
            .Select(m => m.InterpreterId)
            .ToListAsync(cancellationToken);
        var profiles = await db.Interpreters.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var from = request.Start.AddDays(-1);
        var to = request.End.AddDays(1);
        var bookings = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
            .Where(b => memberIds.Contains(b.InterpreterId)
                        && (b.State == BookingState.Booked || b.State == BookingState.AwaitingReconfirmation)
                        && b.Start < to && b.End > from)
            .ToListAsync(cancellationToken);
        var excluded = await clients.ExcludedInterpretersAsync(request.OfficeId, request.ClientIds, cancellationToken);
        var clientIds = request.ClientIds.Select(c => (Guid?)c).ToList();
        var conflicts = await db.ConflictsOfInterest.IgnoreQueryFilters()
            .Where(c => c.OfficeId == request.OfficeId && clientIds.Contains(c.ClientId))
            .Select(c => c.InterpreterId)
            .ToListAsync(cancellationToken);
        excluded.UnionWith(conflicts);
        var pool = profiles.Select(p => new MatchCandidate(p, bookings.Where(b => b.InterpreterId == p.Id).Select(b => b.Busy).ToList()));
        return InterpreterMatcher.Match(request.Need, policy, pool, excluded);
    }

    public async Task<IReadOnlyList<Offer>> OfferNextTierAsync(InterpreterRequest request, BookingPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = await MatchAsync(request, policy, cancellationToken);
        return request.OfferNextTier(report.Ranked, policy, now);
    }

    public Task<List<InterpreterProfile>> ProfilesAsync(IEnumerable<UserId> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Interpreters.AsNoTracking().Where(p => list.Contains(p.Id)).ToListAsync(cancellationToken);
    }
}
