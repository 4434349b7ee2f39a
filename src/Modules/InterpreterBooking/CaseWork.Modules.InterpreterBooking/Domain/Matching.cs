using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>Why an interpreter of the pool is not a match for a request; the request page lists these.</summary>
internal enum MismatchReason
{
    Language = 0,
    Modality = 1,
    Gender = 2,
    NotAvailable = 3,
    Overlap = 4,
    Excluded = 5,
    OutsideArea = 6,
    DailyMaximum = 7,
}

/// <summary>Time an interpreter is already booked (any office).</summary>
internal sealed record BusyPeriod(Guid RequestId, DateTimeOffset Start, DateTimeOffset End, bool InPerson);

/// <summary>One pool member with the bookings that could collide with the request.</summary>
internal sealed record MatchCandidate(InterpreterProfile Profile, IReadOnlyList<BusyPeriod> Bookings)
{
    /// <summary>When the interpreter last got a job, as of now: a profile kept from an earlier read may show an older value.</summary>
    public DateTimeOffset? LastAssignedAt { get; init; } = Profile?.LastAssignedAt;
}

/// <summary>A matching interpreter in fair order, with what the order rests on (shown as the ranking's explanation).</summary>
internal sealed record RankedInterpreter(UserId InterpreterId, string DisplayName, int Rank, Qualification Qualification, DateTimeOffset? LastAssignedAt);

/// <summary>A pool member that does not match, and every reason why.</summary>
internal sealed record RejectedInterpreter(UserId InterpreterId, string DisplayName, IReadOnlyList<MismatchReason> Reasons);

/// <summary>The outcome of matching: who may be offered the job in which order, and who not and why.</summary>
internal sealed record MatchReport(IReadOnlyList<RankedInterpreter> Ranked, IReadOnlyList<RejectedInterpreter> Rejected);

/// <summary>What a request needs from an interpreter, independent of how it is stored.</summary>
internal sealed record JobNeed(
    Guid RequestId,
    string Language,
    string? Dialect,
    Modality Modality,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? District,
    string? PreferredGender);

/// <summary>
/// Finds the pool members who may be offered a job and ranks them fairly: least recently assigned first (never assigned
/// before anyone), then the higher qualification, then by name for a stable order.
/// </summary>
internal static class InterpreterMatcher
{
    public static MatchReport Match(JobNeed need, BookingPolicy policy, IEnumerable<MatchCandidate> pool, IReadOnlySet<UserId> excluded)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(excluded);
        var zone = policy.Zone;
        var localStart = TimeZoneInfo.ConvertTime(need.Start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(need.End, zone);
        var day = DateOnly.FromDateTime(localStart.DateTime);
        var matches = new List<(InterpreterProfile Profile, Qualification Qualification, DateTimeOffset? LastAssignedAt)>();
        var rejected = new List<RejectedInterpreter>();
        foreach (var candidate in pool)
        {
            // Most of a large pool is judged here, so no list is made for a member who matches or has no bookings around the job.
            var profile = candidate.Profile;
            List<MismatchReason>? reasons = null;
            var skill = profile.SkillFor(need.Language, need.Dialect);
            if (skill is null)
            {
                (reasons ??= []).Add(MismatchReason.Language);
            }

            if (!profile.Offers(need.Modality))
            {
                (reasons ??= []).Add(MismatchReason.Modality);
            }

            if (!string.IsNullOrEmpty(need.PreferredGender)
                && !string.Equals(profile.Gender, need.PreferredGender, StringComparison.OrdinalIgnoreCase))
            {
                (reasons ??= []).Add(MismatchReason.Gender);
            }

            if (excluded.Contains(profile.Id))
            {
                (reasons ??= []).Add(MismatchReason.Excluded);
            }

            if (need.Modality == Modality.InPerson && !profile.Covers(need.District))
            {
                (reasons ??= []).Add(MismatchReason.OutsideArea);
            }

            if (!profile.IsAvailable(localStart, localEnd))
            {
                (reasons ??= []).Add(MismatchReason.NotAvailable);
            }

            if (candidate.Bookings.Count > 0)
            {
                var others = candidate.Bookings.Where(b => b.RequestId != need.RequestId).ToList();
                if (others.Any(b => Collides(need, b, policy.TravelBuffer)))
                {
                    (reasons ??= []).Add(MismatchReason.Overlap);
                }

                if (others.Count(b => policy.LocalDay(b.Start) == day) >= profile.DailyMaximum)
                {
                    (reasons ??= []).Add(MismatchReason.DailyMaximum);
                }
            }
            else if (profile.DailyMaximum <= 0)
            {
                (reasons ??= []).Add(MismatchReason.DailyMaximum);
            }

            if (reasons is null)
            {
                matches.Add((profile, skill!.Qualification, candidate.LastAssignedAt));
            }
            else
            {
                rejected.Add(new RejectedInterpreter(profile.Id, profile.DisplayName, reasons));
            }
        }

        var ranked = matches
            .OrderBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(m => m.Qualification)
            .ThenBy(m => m.Profile.DisplayName, StringComparer.Ordinal)
            .ThenBy(m => m.Profile.Id.Value)
            .Select((m, i) => new RankedInterpreter(m.Profile.Id, m.Profile.DisplayName, i + 1, m.Qualification, m.LastAssignedAt))
            .ToList();
        return new MatchReport(ranked, rejected.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ToList());
    }

    /// <summary>Two jobs collide when they overlap, or when either is in person and the gap between them is shorter than the travel buffer.</summary>
    public static bool Collides(JobNeed need, BusyPeriod booked, TimeSpan travelBuffer)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(booked);
        var gap = need.Modality == Modality.InPerson || booked.InPerson ? travelBuffer : TimeSpan.Zero;
        return need.Start < booked.End + gap && booked.Start < need.End + gap;
    }
}
