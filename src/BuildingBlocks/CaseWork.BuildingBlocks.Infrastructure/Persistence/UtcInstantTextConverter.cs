using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> on SQLite as fixed-width UTC text ("2026-11-21 09:30:00.0000000+00:00").
/// SQLite's provider cannot order or compare DateTimeOffset columns; this format sorts as text in time order,
/// keeps the column type TEXT (what the migrations create), and PostgreSQL keeps its native timestamptz.
/// </summary>
public sealed class UtcInstantTextConverter : ValueConverter<DateTimeOffset, string>
{
    private const string Format = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffff'+00:00'";

    /// <summary>Creates the converter.</summary>
    public UtcInstantTextConverter()
        : base(
            value => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
            text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))
    {
    }
}
