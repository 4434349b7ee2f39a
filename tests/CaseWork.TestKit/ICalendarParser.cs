using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace CaseWork.TestKit;

/// <summary>
/// Reads an iCalendar feed with an independent parser (Debian's python3-icalendar, installed by scripts/test.sh) and
/// returns what it understood as JSON: <c>name</c>, <c>tz</c> (VTIMEZONE ids) and <c>events</c> (uid, sequence, status,
/// summary, location, start, tz of the start).
/// </summary>
public static class ICalendarParser
{
    private const string Script = """
        import sys, json, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        tz = [str(c.get('TZID')) for c in cal.walk('VTIMEZONE')]
        events = [{'uid': str(e.get('UID')), 'sequence': int(e.get('SEQUENCE')), 'status': str(e.get('STATUS')),
                   'summary': str(e.get('SUMMARY')), 'location': str(e.get('LOCATION')),
                   'start': e.decoded('DTSTART').isoformat(), 'tz': str(e.decoded('DTSTART').tzinfo)} for e in cal.walk('VEVENT')]
        print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'tz': tz, 'events': events}, ensure_ascii=False))
        """;

    public static JsonNode Parse(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cw-feed-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(file);
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return JsonNode.Parse(output)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
