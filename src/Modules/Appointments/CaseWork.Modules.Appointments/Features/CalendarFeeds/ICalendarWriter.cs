using System.Globalization;
using System.Text;

namespace CaseWork.Modules.Appointments.Features.CalendarFeeds;

/// <summary>One event as a feed shows it: no names, no topic.</summary>
internal sealed record FeedEvent(Guid Uid, int Sequence, DateTime StartLocal, DateTime EndLocal, DateTimeOffset Stamp, string Summary, string Location, string Status);

/// <summary>
/// Writes an RFC 5545 calendar: CRLF line ends, TEXT values escaped (backslash, semicolon, comma, newline), lines folded at
/// 75 octets without splitting a UTF-8 character, times as local times with the office's VTIMEZONE (Europe/Berlin rules).
/// </summary>
internal static class ICalendarWriter
{
    private const string BerlinTimeZone = """
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """;

    public static string Write(string calendarName, IEnumerable<FeedEvent> events)
    {
        var output = new StringBuilder();
        void Line(string line) => Fold(output, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CaseWork//Appointments//DE");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:Europe/Berlin");
        foreach (var line in BerlinTimeZone.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Uid}@casework");
            Line("DTSTAMP:" + e.Stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            Line("DTSTART;TZID=Europe/Berlin:" + e.StartLocal.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            Line("DTEND;TZID=Europe/Berlin:" + e.EndLocal.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("STATUS:" + e.Status);
            Line("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location))
            {
                Line("LOCATION:" + Escape(e.Location));
            }

            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return output.ToString();
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Content lines longer than 75 octets continue on the next line after CRLF and one space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        var runes = line.EnumerateRunes();
        foreach (var rune in runes)
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
