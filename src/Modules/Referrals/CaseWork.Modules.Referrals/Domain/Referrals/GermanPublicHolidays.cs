namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>
/// Public holidays in Germany: the nine national ones, plus the whole-Land holidays of one Land (ISO 3166-2 suffix, e.g.
/// "BY", "BE"). Holidays of single municipalities or parts of a Land (Augsburg's peace festival, Corpus Christi in parts
/// of Saxony and Thuringia, the Assumption in Catholic Bavarian communities) are left out: a reminder a day early does no harm.
/// </summary>
internal static class GermanPublicHolidays
{
    /// <summary>The Länder codes the calendar knows.</summary>
    public static IReadOnlyList<string> Lands { get; } = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    public static bool IsKnownLand(string? land) => land is null || Lands.Contains(land, StringComparer.Ordinal);

    public static bool IsHoliday(DateOnly day, string? land) => HolidaysIn(day.Year, land).Contains(day);

    /// <summary>Monday to Friday and not a public holiday.</summary>
    public static bool IsWorkingDay(DateOnly day, string? land) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day, land);

    // Computed once per year and Land: the outcome view asks for every open referral.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Year, string Land), IReadOnlySet<DateOnly>> Cache = new();

    public static IReadOnlySet<DateOnly> HolidaysIn(int year, string? land) => Cache.GetOrAdd((year, land ?? ""), key => Compute(key.Year, land));

    private static HashSet<DateOnly> Compute(int year, string? land)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(-2),
            easter.AddDays(1),
            new(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            new(year, 10, 3),
            new(year, 12, 25),
            new(year, 12, 26),
        };
        switch (land)
        {
            case null:
                break;
            default:
                if (land is "BW" or "BY" or "ST")
                {
                    days.Add(new DateOnly(year, 1, 6));
                }

                if (land is "BE" || (land is "MV" && year >= 2023))
                {
                    days.Add(new DateOnly(year, 3, 8));
                }

                if (land is "BW" or "BY" or "HE" or "NW" or "RP" or "SL")
                {
                    days.Add(easter.AddDays(60));
                }

                if (land is "SL")
                {
                    days.Add(new DateOnly(year, 8, 15));
                }

                if (land is "TH" && year >= 2019)
                {
                    days.Add(new DateOnly(year, 9, 20));
                }

                if (land is "BB" or "MV" or "SN" or "ST" or "TH" || (land is "HB" or "HH" or "NI" or "SH" && year >= 2018))
                {
                    days.Add(new DateOnly(year, 10, 31));
                }

                if (land is "BW" or "BY" or "NW" or "RP" or "SL")
                {
                    days.Add(new DateOnly(year, 11, 1));
                }

                if (land is "SN")
                {
                    // Repentance day: the Wednesday before 23 November.
                    var day = new DateOnly(year, 11, 22);
                    while (day.DayOfWeek != DayOfWeek.Wednesday)
                    {
                        day = day.AddDays(-1);
                    }

                    days.Add(day);
                }

                break;
        }

        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
