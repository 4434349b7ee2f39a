using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>The interpreter's jobs as an iCalendar feed at a secret, revocable address, checked by an independent parser (Python's icalendar).</summary>
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private const string Api = "/api/interpreter-booking";

    private BookingHost _booking = null!;

    public async Task InitializeAsync() => _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    [Fact]
    public async Task The_feed_lists_my_jobs_for_an_independent_parser_without_clients_and_a_new_address_revokes_the_old()
    {
        var host = _booking.Host;
        using var interpreter = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Interpreter));
        using var anonymous = host.CreateClient();
        var offer = (await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/offers"))[0];
        using (var accepted = await interpreter.PostAsync($"{Api}/offers/{offer.GetProperty("offerId").GetGuid()}/accept", null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var job = (await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/jobs"))[0];
        var first = await OpenAsync(interpreter);

        using var response = await anonymous.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = ICalendarParser.Parse(ics);
        Assert.Equal(["Europe/Berlin"], calendar["tz"]!.AsArray().Select(t => t!.GetValue<string>()));
        var e = Assert.Single(calendar["events"]!.AsArray())!;
        Assert.Equal($"{job.GetProperty("bookingId").GetGuid()}@casework", e["uid"]!.GetValue<string>());
        Assert.Equal("CONFIRMED", e["status"]!.GetValue<string>());
        Assert.Contains("Sprachmittlung", e["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(job.GetProperty("place").GetString(), e["location"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", e["tz"]!.GetValue<string>());
        var localStart = TimeZoneInfo.ConvertTime(job.GetProperty("start").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.StartsWith(localStart.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e["start"]!.GetValue<string>(), StringComparison.Ordinal);

        // A new address replaces the old one; revoking ends the feed; a made-up token finds nothing.
        var second = await OpenAsync(interpreter);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        using (var revoked = await interpreter.PostAsync($"{Api}/calendar/revoke", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Api}/calendar/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public async Task Another_interpreters_feed_does_not_show_my_jobs_and_staff_cannot_open_interpreter_feeds()
    {
        var host = _booking.Host;
        var office = await host.DemoOfficeAsync();
        using var demo = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Interpreter));
        var offer = (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers"))[0];
        (await demo.PostAsync($"{Api}/offers/{offer.GetProperty("offerId").GetGuid()}/accept", null)).Dispose();
        var otherUser = await host.CreateUserAsync(office, Roles.Interpreter, "Other Interpreter");
        await _booking.AddProfileAsync(office, otherUser.Id, "Other Interpreter");
        using var other = await host.SignedInClientAsync(otherUser);
        using var anonymous = host.CreateClient();

        var ics = await anonymous.GetStringAsync(await OpenAsync(other));
        Assert.Empty(ICalendarParser.Parse(ics)["events"]!.AsArray());

        foreach (var role in new[] { Roles.Streetworker, Roles.Supervisor, Roles.Administrator })
        {
            using var staff = await host.SignedInClientAsync(await host.DemoUserAsync(role));
            using var response = await staff.PostAsync($"{Api}/calendar", null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static async Task<string> OpenAsync(HttpClient interpreter)
    {
        using var opened = await interpreter.PostAsync($"{Api}/calendar", null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var path = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
        Assert.StartsWith($"{Api}/calendar/", path, StringComparison.Ordinal);
        return path;
    }
}
