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

    /// <summary>
    /// The instant a stored text stands for (UTC). Text in the stored fixed-width form is read digit by digit (the
    /// timeline reads about fifty per request, and the general parser was a visible part of it); anything else goes
    /// through the general parser, as before.
    /// </summary>
    public static DateTimeOffset FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryReadFixedWidth(text, out var instant)
            ? instant
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>Reads "yyyy-MM-dd HH:mm:ss.fffffff+00:00"; false for any other shape or an impossible date or time.</summary>
    internal static bool TryReadFixedWidth(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length != 33 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' ||
            text[19] != '.' || !text.EndsWith("+00:00", StringComparison.Ordinal))
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second) ||
            !Digits(text, 20, 7, out var fraction))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction));
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
