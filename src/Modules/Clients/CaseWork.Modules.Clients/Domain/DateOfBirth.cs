using System.Globalization;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>How much of a date of birth is known.</summary>
internal enum DateOfBirthPrecision
{
    Unknown,
    YearOnly,
    FullDate,
}

/// <summary>
/// A date of birth as refugees' papers give it: a full date, only the year, or nothing.
/// </summary>
internal sealed record DateOfBirth
{
    private DateOfBirth(DateOfBirthPrecision precision, int year, DateOnly? date)
    {
        Precision = precision;
        Year = year;
        Date = date;
    }

    public static DateOfBirth Unknown { get; } = new(DateOfBirthPrecision.Unknown, 0, null);

    public DateOfBirthPrecision Precision { get; }

    /// <summary>The year; 0 when unknown.</summary>
    public int Year { get; }

    /// <summary>The full date, only when <see cref="Precision"/> is <see cref="DateOfBirthPrecision.FullDate"/>.</summary>
    public DateOnly? Date { get; }

    public static DateOfBirth Full(DateOnly date) => new(DateOfBirthPrecision.FullDate, date.Year, date);

    public static DateOfBirth YearOnly(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return new DateOfBirth(DateOfBirthPrecision.YearOnly, year, null);
    }

    /// <summary>The date of birth as stored: its precision, the year (year only) and the date (full date).</summary>
    public static DateOfBirth Of(DateOfBirthPrecision precision, int? year, DateOnly? date) => precision switch
    {
        DateOfBirthPrecision.FullDate => Full(date!.Value),
        DateOfBirthPrecision.YearOnly => YearOnly(year!.Value),
        _ => Unknown,
    };

    /// <summary>Parses "yyyy-MM-dd", "yyyy" or an empty text (unknown).</summary>
    public static DateOfBirth Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Unknown;

        text = text.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return YearOnly(year);

        return Full(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public override string ToString() => Precision switch
    {
        DateOfBirthPrecision.FullDate => Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOfBirthPrecision.YearOnly => Year.ToString(CultureInfo.InvariantCulture),
        _ => "unknown",
    };
}
