namespace CaseWork.Modules.Appointments.Domain;

/// <summary>
/// A weekly rule ("every n weeks on the first occurrence's weekday, at its wall-clock time") with single dates left out.
/// Occurrences keep their wall-clock time across daylight-saving changes: the Tuesday group stays at 10:00.
/// </summary>
internal sealed record RecurrenceRule(int EveryWeeks, DateOnly Until, IReadOnlySet<DateOnly> Exceptions)
{
    /// <summary>Keeps a series to a year's worth of weekly occurrences, so a typo cannot create thousands.</summary>
    public const int MaxOccurrences = 53;

    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(DateTimeOffset firstStart, DateTimeOffset firstEnd, OfficeClock clock)
    {
        var localStart = clock.ToLocal(firstStart);
        var localEnd = clock.ToLocal(firstEnd);
        var duration = localEnd - localStart;
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var i = 0; result.Count < MaxOccurrences; i++)
        {
            var start = localStart.AddDays(7 * EveryWeeks * i);
            var date = DateOnly.FromDateTime(start);
            if (date > Until)
            {
                break;
            }

            if (!Exceptions.Contains(date))
            {
                result.Add((clock.ToInstant(start), clock.ToInstant(start + duration)));
            }
        }

        return result;
    }
}
