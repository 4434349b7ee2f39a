using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>Matches a request against its office's pool (bookings of every office count) and offers the next tier.</summary>
internal sealed class OfferRound(InterpreterBookingDbContext db, ClientFacts clients, ParsedProfiles parsed)
{
    public async Task<MatchReport> MatchAsync(InterpreterRequest request, BookingPolicy policy, CancellationToken cancellationToken)
    {
        // A pool can hold thousands: SQL narrows it to members who speak the language and work in the modality (ADR 0024);
        // dialect, availability, area, exclusions, overlaps and the daily maximum are then checked in memory, on profiles
        // parsed once per version (ADR 0050).
        var code = "|" + request.Language.ToLowerInvariant() + "|";
        var modality = request.Modality switch
        {
            Modality.InPerson => Modalities.InPerson,
            Modality.Phone => Modalities.Phone,
            _ => Modalities.Video,
        };
        // Only the office's current members (a membership that ended is kept for the statement, never offered a job: ADR 0048),
        // in one statement with whatever keeps each busy from the day before to the day after the job (for the daily maximum):
        // a row per candidate and busy booking, or one row with no booking.
        var rows = await BusyBookings.CandidatesAsync(db, request.OfficeId, code, modality, request.Start.AddDays(-1), request.End.AddDays(1))
            .ToListAsync(cancellationToken);
        var candidates = rows.DistinctBy(r => r.Id).ToList();
        var profiles = new Dictionary<UserId, InterpreterProfile>(candidates.Count);
        var stale = new List<UserId>();
        foreach (var candidate in candidates)
        {
            if (parsed.TryGet(candidate.Id, candidate.Version, out var kept))
            {
                profiles[candidate.Id] = kept;
            }
            else
            {
                stale.Add(candidate.Id);
            }
        }

        if (stale.Count > 0)
        {
            // Read at its current version, which may be newer than the one just asked for: that only means a fresher profile.
            foreach (var profile in await db.Interpreters.AsNoTracking().Where(p => stale.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                parsed.Keep(profile);
                profiles[profile.Id] = profile;
            }
        }

        var excluded = await ExcludedAsync(request, cancellationToken);
        var busy = rows.Where(r => r.Busy is not null).ToLookup(r => r.Id, r => r.Busy!);
        var pool = candidates
            .Where(c => profiles.ContainsKey(c.Id))
            .Select(c => new MatchCandidate(profiles[c.Id], busy.Contains(c.Id) ? [.. busy[c.Id]] : []) { LastAssignedAt = c.LastAssignedAt });
        return InterpreterMatcher.Match(request.Need, policy, pool, excluded);
    }

    /// <summary>Who may not do this request's job: its clients' "not this interpreter" wishes and the declared conflicts of interest.</summary>
    public async Task<HashSet<UserId>> ExcludedAsync(InterpreterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var excluded = await clients.ExcludedInterpretersAsync(request.OfficeId, request.ClientIds, cancellationToken);
        if (request.ClientIds.Count > 0)
        {
            var clientIds = request.ClientIds.Select(c => (Guid?)c).ToList();
            var conflicts = await db.ConflictsOfInterest.IgnoreQueryFilters()
                .Where(c => c.OfficeId == request.OfficeId && clientIds.Contains(c.ClientId))
                .Select(c => c.InterpreterId)
                .ToListAsync(cancellationToken);
            excluded.UnionWith(conflicts);
        }

        return excluded;
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
