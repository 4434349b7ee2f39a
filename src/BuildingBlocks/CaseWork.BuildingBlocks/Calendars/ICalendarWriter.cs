using System.Globalization;
using System.Text;

namespace CaseWork.BuildingBlocks.Calendars;

/// <summary>One event of a calendar feed, with office-local (Europe/Berlin) times. Feeds are read without sign-in: no names, no topics.</summary>
public sealed record CalendarEvent(
    Guid Uid,
    int Sequence,
    DateTime StartLocal,
    DateTime EndLocal,
    DateTimeOffset Stamp,
    string Summary,
    string? Location,
    string Status,
    string? Description = null);

/// <summary>
/// Writes an RFC 5545 calendar (the approach of Appointments' feeds, ADR 0015, shared so every module's feed is written the
/// same way): CRLF line ends, TEXT values escaped (backslash, semicolon, comma, newline), lines folded at 75 octets without
/// splitting a UTF-8 character, times as local times with a Europe/Berlin VTIMEZONE.
/// </summary>
public static class ICalendarWriter
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

    /// <summary>The whole calendar; <paramref name="productId"/> names the writing module (PRODID).</summary>
    public static string Write(string productId, string calendarName, IEnumerable<CalendarEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var output = new StringBuilder();
        void Line(string line) => Fold(output, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line($"PRODID:-//CaseWork//{productId}//DE");
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

            if (!string.IsNullOrEmpty(e.Description))
            {
                Line("DESCRIPTION:" + Escape(e.Description));
            }

            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 3.3.11).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Content lines longer than 75 octets continue on the next line after CRLF and one space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
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
