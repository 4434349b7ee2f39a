namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The precision instants keep in every store: UTC, whole microseconds. PostgreSQL's <c>timestamptz</c> keeps
/// microseconds; the SQLite converter truncates to the same, so both providers give back the same value. Code that
/// hashes or compares an instant with its stored copy (the audit chain) truncates it first.
/// </summary>
public static class StorePrecision
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The instant as a store gives it back: UTC, truncated to whole microseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }
}
