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
    public async Task Each_worker_lists_their_own_feeds_and_the_rooms_but_not_a_colleagues()
    {
        using var supervisor = await fixture.AsAsync(Roles.Supervisor);
        using var roomResponse = await supervisor.PostAsJsonAsync("/api/appointments/rooms", new { name = "Raum " + Guid.NewGuid().ToString("N")[..6] });
        var room = JsonNode.Parse(await roomResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        using var worker = await fixture.AsAsync(Roles.Streetworker);
        var own = await OpenAsync(worker, new { });
        var roomFeed = await OpenAsync(worker, new { roomId = room });
        var colleagues = await OpenAsync(supervisor, new { });

        var mine = await ListAsync(worker);
        var theirs = await ListAsync(supervisor);

        Assert.Contains(mine, f => f["id"]!.GetValue<Guid>() == own && f["roomId"] is null && f["isActive"]!.GetValue<bool>());
        Assert.Contains(mine, f => f["id"]!.GetValue<Guid>() == roomFeed && f["roomId"]!.GetValue<Guid>() == room && f["roomName"] is not null);
        Assert.DoesNotContain(mine, f => f["id"]!.GetValue<Guid>() == colleagues);
        Assert.DoesNotContain(theirs, f => f["id"]!.GetValue<Guid>() == own);
        Assert.Contains(theirs, f => f["id"]!.GetValue<Guid>() == roomFeed);

        // A colleague cannot revoke my feed (it is not theirs to see); anyone may revoke a room's.
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/appointments/feeds/{own}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/appointments/feeds/{roomFeed}/revoke", null)).StatusCode);
        var after = await ListAsync(worker);
        Assert.False(after.Single(f => f["id"]!.GetValue<Guid>() == roomFeed)["isActive"]!.GetValue<bool>());
        Assert.True(after.Single(f => f["id"]!.GetValue<Guid>() == own)["isActive"]!.GetValue<bool>());

        using var interpreter = await fixture.AsAsync(Roles.Interpreter);
        Assert.Equal(HttpStatusCode.Forbidden, (await interpreter.GetAsync("/api/appointments/feeds")).StatusCode);
        using var page = await interpreter.GetAsync("/Appointments/Feeds");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_page_a_worker_opens_an_address_sees_it_once_subscribes_and_revokes_it()
    {
        using var worker = await fixture.AsAsync(Roles.Streetworker);
        using var anonymous = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await worker.GetStringAsync("/Appointments/Feeds");
        Assert.Contains("Kalender-Abos", page, StringComparison.Ordinal);
        var before = (await ListAsync(worker)).Select(f => f["id"]!.GetValue<Guid>()).ToHashSet();

        using var opened = await worker.PostAsync("/Appointments/Feeds?handler=Open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(page), ["RoomId"] = "",
        }));
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var address = System.Text.RegularExpressions.Regex.Match(html, "value=\"(http[^\"]+\\.ics)\"").Groups[1].Value;
        Assert.StartsWith("http", address, StringComparison.Ordinal);
        var path = new Uri(address).PathAndQuery;
        Assert.StartsWith("BEGIN:VCALENDAR", await anonymous.GetStringAsync(path), StringComparison.Ordinal);

        // Shown once: the list afterwards has the feed, but not its address.
        var listed = await worker.GetStringAsync("/Appointments/Feeds");
        Assert.DoesNotContain(path, listed, StringComparison.Ordinal);
        var feedId = (await ListAsync(worker)).Select(f => f["id"]!.GetValue<Guid>()).Single(id => !before.Contains(id));
        Assert.Contains($"id={feedId}", listed, StringComparison.Ordinal);

        using var revoked = await worker.PostAsync($"/Appointments/Feeds?handler=Revoke&id={feedId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(listed),
        }));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("widerrufen", await worker.GetStringAsync(revoked.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        // An unknown feed is an error on the page, not a crash; nothing else is revoked.
        using var unknown = await worker.PostAsync($"/Appointments/Feeds?handler=Revoke&id={Guid.NewGuid()}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(listed),
        }));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("error-summary", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<Guid> OpenAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/appointments/feeds", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["feedId"]!.GetValue<Guid>();
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient client) =>
        [.. JsonNode.Parse(await client.GetStringAsync("/api/appointments/feeds"))!.AsArray().Select(n => n!)];

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
