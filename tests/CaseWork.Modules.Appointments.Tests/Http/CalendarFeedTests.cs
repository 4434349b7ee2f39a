using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Calendars;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Appointments.Features.CalendarFeeds;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>iCalendar feeds at a secret, revocable address, checked by an independent parser (Python's icalendar).</summary>
public sealed class CalendarFeedTests(AppointmentApiFixture fixture) : IClassFixture<AppointmentApiFixture>
{
    [Fact]
    public async Task The_worker_feed_parses_with_an_independent_parser_and_shows_changes_without_names()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var start = new DateTime(2027, 3, 30, 10, 0, 0); // after the March change: CEST
        var id = await AppointmentsTestHost.CreateAsync(client, new
        {
            kind = "counselling", placeKind = "address", placeText = "Hauptstraße 5; Hinterhaus, 2. OG \\ Klingel \"Beratung\" – ein sehr langer Ortstext, der gefaltet werden muss: ääääääää",
            topic = "Räumungsklage", start, end = start.AddHours(1), clientIds = new[] { fixture.Client.ClientId.Value }, confirmWarnings = true,
        });
        var cancelledId = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start.AddDays(1), confirm: true));
        using (var cancel = await client.PostAsJsonAsync($"/api/appointments/{cancelledId}/cancel", new { version = 0, cancelledBy = "office" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        using var opened = await client.PostAsJsonAsync("/api/appointments/feeds", new { });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var feed = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        var path = feed["path"]!.GetValue<string>();
        using var anonymous = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var ics = await anonymous.GetStringAsync(path);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("Samir", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Räumungsklage", ics, StringComparison.Ordinal);
        var parsed = ICalendarParser.Parse(ics);
        Assert.Equal("Europe/Berlin", parsed["tz"]![0]!.GetValue<string>());
        var events = parsed["events"]!.AsArray();
        var planned = events.Single(e => e!["uid"]!.GetValue<string>() == $"{id}@casework")!;
        Assert.Equal("2027-03-30T10:00:00+02:00", planned["start"]!.GetValue<string>());
        Assert.Equal($"Beratung · {fixture.Client.PseudonymCode}", planned["summary"]!.GetValue<string>());
        Assert.StartsWith("Hauptstraße 5; Hinterhaus, 2. OG \\ Klingel \"Beratung\"", planned["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("ääääääää", planned["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("TENTATIVE", planned["status"]!.GetValue<string>());
        Assert.Equal("CANCELLED", events.Single(e => e!["uid"]!.GetValue<string>() == $"{cancelledId}@casework")!["status"]!.GetValue<string>());

        var sequence = planned["sequence"]!.GetValue<int>();
        using (var moved = await client.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { version = 0, start = start.AddHours(2), end = start.AddHours(3), confirmWarnings = true }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var after = ICalendarParser.Parse(await anonymous.GetStringAsync(path))["events"]!.AsArray().Single(e => e!["uid"]!.GetValue<string>() == $"{id}@casework")!;
        Assert.True(after["sequence"]!.GetValue<int>() > sequence);
        Assert.Equal("2027-03-30T12:00:00+02:00", after["start"]!.GetValue<string>());

        using (var revoked = await client.PostAsync($"/api/appointments/feeds/{feed["feedId"]!.GetValue<Guid>()}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/appointments/feeds/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_characters_and_text_is_escaped()
    {
        var ics = ICalendarWriter.Write("Appointments", "Raum, 1; \\ neu\nzeile", [new CalendarEvent(Guid.NewGuid(), 3, new DateTime(2027, 1, 1, 9, 0, 0), new DateTime(2027, 1, 1, 10, 0, 0),
            DateTimeOffset.UnixEpoch, new string('ش', 60), "x", "CONFIRMED")]);

        Assert.Contains("X-WR-CALNAME:Raum\\, 1\\; \\\\ neu\\nzeile", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
        Assert.Contains("\r\n ش", ics, StringComparison.Ordinal);
        Assert.Equal(new string('ش', 60), ICalendarParser.Parse(ics)["events"]![0]!["summary"]!.GetValue<string>());
    }
}
