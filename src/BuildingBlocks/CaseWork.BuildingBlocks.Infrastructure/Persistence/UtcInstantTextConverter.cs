using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> on SQLite as fixed-width UTC text ("2026-11-21 09:30:00.1234560+00:00").
/// SQLite's provider cannot order or compare DateTimeOffset columns; this format sorts as text in time order,
/// keeps the column type TEXT (what the migrations create), and PostgreSQL keeps its native timestamptz.
/// Values are truncated to whole microseconds, as PostgreSQL stores them (<see cref="StorePrecision"/>), so a value
/// read back is the same on both providers; the seventh digit stays for a fixed width and is always 0.
/// </summary>
public sealed class UtcInstantTextConverter : ValueConverter<DateTimeOffset, string>
{
    private const string Format = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffff'+00:00'";

    /// <summary>Creates the converter.</summary>
    public UtcInstantTextConverter()
        : base(
            value => ToText(value),
            text => FromText(text))
    {
    }

    /// <summary>The stored text of an instant (also what hand-written SQL binds to compare with stored instants).</summary>
    public static string ToText(DateTimeOffset value) => StorePrecision.Truncate(value).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant a stored text stands for (UTC).</summary>
    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
