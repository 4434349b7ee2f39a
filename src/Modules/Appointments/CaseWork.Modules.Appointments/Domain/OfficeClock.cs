namespace CaseWork.Modules.Appointments.Domain;

/// <summary>
/// Converts between UTC instants (what is stored) and the office's wall-clock time (what people and rules mean).
/// A wall-clock time that does not exist (the hour skipped in March) moves forward by the gap; one that exists twice
/// (the hour repeated in October) means its first occurrence, as people who say "at 02:30" mean the first one.
/// </summary>
internal sealed class OfficeClock
{
    public const string DefaultZone = "Europe/Berlin";

    public OfficeClock(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public static OfficeClock Berlin { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(DefaultZone));

    public static bool TryFind(string? zoneId, out OfficeClock clock)
    {
        clock = Berlin;
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return false;
        }

        try
        {
            clock = new OfficeClock(TimeZoneInfo.FindSystemTimeZoneById(zoneId));
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>The office's date at <paramref name="instant"/> (its "today" when that is now; the UTC date lags behind after midnight).</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    public DateTimeOffset ToInstant(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Spring forward: the skipped wall-clock time is read with the offset before the change, landing after the gap.
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
