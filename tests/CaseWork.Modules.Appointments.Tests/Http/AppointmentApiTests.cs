using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>One host for the API tests: the demo office with a client, another office with its own streetworker and client.</summary>
public sealed class AppointmentApiFixture : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();

    internal FakeTimeProvider Clock { get; } = new(AppointmentsTestHost.Monday);

    internal FakeClientDirectory Clients { get; } = new();

    internal CaseWorkHostFactory Host { get; private set; } = null!;

    internal OfficeId Office { get; private set; }

    internal ClientDisplaySummary Client { get; private set; } = null!;

    internal ClientDisplaySummary OtherOfficeClient { get; private set; } = null!;

    internal TestUser OtherStreetworker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = AppointmentsTestHost.Create(TestDatabases.Sqlite(_directory.Path), Clock, Clients);
        Office = await Host.DemoOfficeAsync();
        var other = await Host.CreateOfficeAsync("Anderes Büro");
        OtherStreetworker = await Host.CreateUserAsync(other, Roles.Streetworker);
        Client = Clients.Add(Office, "Samir Haddad", "ar", ReminderChannelKind.Sms, "+49 170 1111111");
        OtherOfficeClient = Clients.Add(other, "Fremde Person", "de", ReminderChannelKind.Email, "x@example.test");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }

    internal async Task<HttpClient> AsAsync(string role) => await Host.SignedInClientAsync(await Host.DemoUserAsync(role));
}

/// <summary>The JSON API: who may do what, bad input changes nothing, concurrent edits and room double-booking are refused.</summary>
public sealed class AppointmentApiTests(AppointmentApiFixture fixture) : IClassFixture<AppointmentApiFixture>
{
    private static int _slot;

    // Each test gets its own weekday hour, so tests sharing the host do not collide in the conflict check.
    private static DateTime NextSlot()
    {
        var n = Interlocked.Increment(ref _slot);
        return new DateTime(2026, 11, 30, 8, 0, 0).AddDays(n / 9 * 7).AddDays(n % 9 / 3).AddHours(n % 3 * 3);
    }

    [Theory]
    [InlineData(Roles.Streetworker, HttpStatusCode.Created, HttpStatusCode.OK)]
    [InlineData(Roles.Supervisor, HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData(Roles.Interpreter, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Administrator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Roles_plan_and_read_as_their_job_needs(string role, HttpStatusCode plan, HttpStatusCode read)
    {
        using var streetworker = await fixture.AsAsync(Roles.Streetworker);
        var existing = await AppointmentsTestHost.CreateAsync(streetworker, AppointmentsTestHost.NewAppointment(NextSlot(), [fixture.Client.ClientId.Value]));
        using var client = await fixture.AsAsync(role);

        using var created = await client.PostAsJsonAsync("/api/appointments", AppointmentsTestHost.NewAppointment(NextSlot()));
        using var detail = await client.GetAsync($"/api/appointments/{existing}");
        using var agenda = await client.GetAsync("/api/appointments?who=team&from=2026-11-30&days=7");
        using var preparation = await client.GetAsync("/api/appointments/preparation");
        using var outgoing = await client.GetAsync("/api/appointments/outgoing");

        Assert.Equal(plan, created.StatusCode);
        Assert.Equal(read, detail.StatusCode);
        Assert.Equal(read, agenda.StatusCode);
        Assert.Equal(read, preparation.StatusCode);
        Assert.Equal(read, outgoing.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Streetworker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Interpreter, HttpStatusCode.Forbidden)]
    public async Task Office_settings_are_changed_by_supervisors_and_administrators(string role, HttpStatusCode expected)
    {
        using var client = await fixture.AsAsync(role);
        var current = await (await fixture.AsAsync(Roles.Supervisor)).GetFromJsonAsync<JsonNode>("/api/appointments/settings");

        using var response = await client.PutAsJsonAsync("/api/appointments/settings", new
        {
            timeZone = "Europe/Berlin", phone = "+49 30 555 0100", clientReminderOffsets = "1d,2h", quietFrom = "20:00", quietUntil = "08:00",
            openFrom = "08:00", openUntil = "18:00", openDays = new[] { 1, 2, 3, 4, 5 }, version = current!["version"]!.GetValue<int>(),
        });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_agenda_shows_times_in_the_office_zone_and_follows_a_changed_zone_at_once()
    {
        // An office of its own: the zone change must not move the other tests' appointments.
        var office = await fixture.Host.CreateOfficeAsync("Büro mit Zeitzone");
        using var streetworker = await fixture.Host.SignedInClientAsync(await fixture.Host.CreateUserAsync(office, Roles.Streetworker));
        using var supervisor = await fixture.Host.SignedInClientAsync(await fixture.Host.CreateUserAsync(office, Roles.Supervisor));
        var client = fixture.Clients.Add(office, "Olena Koval", "uk", ReminderChannelKind.Email, "olena@example.test");
        var id = await AppointmentsTestHost.CreateAsync(streetworker, AppointmentsTestHost.NewAppointment(new DateTime(2026, 12, 7, 10, 0, 0), [client.ClientId.Value]));

        async Task<string> StartLocalAsync()
        {
            var agenda = await streetworker.GetFromJsonAsync<JsonArray>("/api/appointments?who=team&from=2026-12-07&days=1");
            return agenda!.Single(a => a!["id"]!.GetValue<Guid>() == id)!["startLocal"]!.GetValue<string>();
        }

        Assert.Equal("2026-12-07T10:00:00", await StartLocalAsync());
        var current = await supervisor.GetFromJsonAsync<JsonNode>("/api/appointments/settings");
        using var changed = await supervisor.PutAsJsonAsync("/api/appointments/settings", new
        {
            timeZone = "Europe/Istanbul", phone = "+49 30 555 0100", clientReminderOffsets = "1d,2h", quietFrom = "20:00", quietUntil = "08:00",
            openFrom = "08:00", openUntil = "18:00", openDays = new[] { 1, 2, 3, 4, 5 }, version = current!["version"]!.GetValue<int>(),
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // 09:00 UTC is 12:00 in Istanbul (UTC+3) - read right after the change, on the same host.
        Assert.Equal("2026-12-07T12:00:00", await StartLocalAsync());
    }

    [Fact]
    public async Task Anonymous_callers_are_turned_away()
    {
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var list = await client.GetAsync("/api/appointments");
        using var create = await client.PostAsJsonAsync("/api/appointments", AppointmentsTestHost.NewAppointment(NextSlot()));

        Assert.True(list.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, list.StatusCode.ToString());
        Assert.True(create.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, create.StatusCode.ToString());
    }

    [Fact]
    public async Task Another_offices_streetworker_gets_404_for_every_action()
    {
        using var streetworker = await fixture.AsAsync(Roles.Streetworker);
        var id = await AppointmentsTestHost.CreateAsync(streetworker, AppointmentsTestHost.NewAppointment(NextSlot(), [fixture.Client.ClientId.Value]));
        using var other = await fixture.Host.SignedInClientAsync(fixture.OtherStreetworker);

        using var detail = await other.GetAsync($"/api/appointments/{id}");
        using var cancel = await other.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { version = 0, cancelledBy = "office" });
        using var move = await other.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { version = 0, start = NextSlot(), end = NextSlot().AddHours(1) });
        var agenda = await other.GetFromJsonAsync<JsonArray>("/api/appointments?who=team&from=2026-11-30&days=31");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.DoesNotContain(agenda!, a => a!["id"]!.GetValue<Guid>() == id);
        Assert.Equal("planned", (await AppointmentsTestHost.GetAsync(streetworker, id))["status"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "end-before-start", "end" },
        { "unknown-client", "clientIds" },
        { "other-office-client", "clientIds" },
        { "in-the-past", "start" },
        { "unknown-time-zone", "timeZone" },
        { "unknown-kind", "kind" },
        { "unknown-language", "interpreter.language" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_problem_details_and_changes_nothing(string problem, string field)
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var start = NextSlot();
        var clientId = fixture.Client.ClientId.Value;
        object body = problem switch
        {
            "end-before-start" => AppointmentsTestHost.NewAppointment(start, [clientId], end: start.AddHours(-1)),
            "unknown-client" => AppointmentsTestHost.NewAppointment(start, [Guid.NewGuid()]),
            "other-office-client" => AppointmentsTestHost.NewAppointment(start, [fixture.OtherOfficeClient.ClientId.Value]),
            "in-the-past" => AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 20, 10, 0, 0), [clientId]),
            "unknown-time-zone" => AppointmentsTestHost.NewAppointment(start, [clientId], timeZone: "Europe/Atlantis"),
            "unknown-kind" => new { kind = "party", placeKind = "phone", start, end = start.AddHours(1) },
            _ => AppointmentsTestHost.NewAppointment(start, [clientId], interpreter: new { language = "xx", modality = "phone" }),
        };
        var before = await fixture.Host.AppointmentCountAsync();

        using var response = await client.PostAsJsonAsync("/api/appointments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problemDetails = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problemDetails["errors"]![field]);
        Assert.Equal(before, await fixture.Host.AppointmentCountAsync());
    }

    [Fact]
    public async Task Two_edits_based_on_the_same_version_the_second_gets_409()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var start = NextSlot();
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start, [fixture.Client.ClientId.Value]));
        var version = (await AppointmentsTestHost.GetAsync(client, id))["version"]!.GetValue<int>();

        using var first = await client.PostAsJsonAsync($"/api/appointments/{id}/confirm", new { version });
        using var second = await client.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { version, start = start.AddMinutes(30), end = start.AddMinutes(90) });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("concurrent-edit", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var details = await AppointmentsTestHost.GetAsync(client, id);
        Assert.Equal("confirmed", details["status"]!.GetValue<string>());
        Assert.Equal(start, details["startLocal"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task A_booked_room_is_refused_and_a_booked_worker_must_be_confirmed()
    {
        using var supervisor = await fixture.AsAsync(Roles.Supervisor);
        using var roomResponse = await supervisor.PostAsJsonAsync("/api/appointments/rooms", new { name = "Raum " + Guid.NewGuid().ToString("N")[..6] });
        var room = JsonNode.Parse(await roomResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var start = NextSlot();
        await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start, roomId: room));
        var before = await fixture.Host.AppointmentCountAsync();

        using var sameRoom = await client.PostAsJsonAsync("/api/appointments", AppointmentsTestHost.NewAppointment(start.AddMinutes(30), roomId: room, confirm: true));
        using var sameWorker = await client.PostAsJsonAsync("/api/appointments", AppointmentsTestHost.NewAppointment(start.AddMinutes(30)));

        Assert.Equal(HttpStatusCode.Conflict, sameRoom.StatusCode);
        Assert.Contains("room-taken", await sameRoom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, sameWorker.StatusCode);
        Assert.Contains("worker-busy", await sameWorker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Host.AppointmentCountAsync());

        using var confirmed = await client.PostAsJsonAsync("/api/appointments", AppointmentsTestHost.NewAppointment(start.AddMinutes(30), confirm: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Contains("worker-busy", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_every_second_week_skips_its_exceptions_and_this_and_following_moves_the_rest()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var first = new DateTime(2027, 1, 5, 14, 0, 0); // Tuesdays
        using var response = await client.PostAsJsonAsync("/api/appointments", new
        {
            kind = "group", placeKind = "address", placeText = "Gemeinschaftsraum", start = first, end = first.AddHours(2), confirmWarnings = true,
            recurrence = new { everyWeeks = 2, until = "2027-03-02", exceptions = new[] { "2027-02-02" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["appointmentIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToList();
        Assert.Equal(4, ids.Count); // 5.1., 19.1., (2.2. left out), 16.2., 2.3.

        using var moved = await client.PostAsJsonAsync($"/api/appointments/{ids[1]}/reschedule",
            new { version = 0, start = new DateTime(2027, 1, 19, 15, 0, 0), end = new DateTime(2027, 1, 19, 17, 0, 0), scope = "following", confirmWarnings = true });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var starts = new List<DateTime>();
        foreach (var id in ids)
        {
            starts.Add((await AppointmentsTestHost.GetAsync(client, id))["startLocal"]!.GetValue<DateTime>());
        }

        Assert.Equal([first, new DateTime(2027, 1, 19, 15, 0, 0), new DateTime(2027, 2, 16, 15, 0, 0), new DateTime(2027, 3, 2, 15, 0, 0)], starts);
    }

    [Fact]
    public async Task A_client_who_prefers_arabic_gets_two_sms_reminders_in_arabic_and_the_staff_an_interpreter_notice()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(NextSlot(), [fixture.Client.ClientId.Value],
            interpreter: new { language = "ar", dialect = "Levantine", modality = "in_person" }));

        var details = await AppointmentsTestHost.GetAsync(client, id);
        var reminders = details["reminders"]!.AsArray();
        var clientReminders = reminders.Where(r => r!["purpose"]!.GetValue<string>() == "client_reminder").ToList();
        Assert.Equal(2, clientReminders.Count);
        Assert.All(clientReminders, r =>
        {
            Assert.Equal("sms", r!["channel"]!.GetValue<string>());
            Assert.Equal("ar", r["language"]!.GetValue<string>());
            Assert.Equal("scheduled", r["state"]!.GetValue<string>());
            Assert.StartsWith("\u200Fتذكير", r["body"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("Mietschulden", r["body"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Contains(reminders, r => r!["purpose"]!.GetValue<string>() == "interpreter_missing");
        Assert.Equal("requested", details["interpreterStatus"]!.GetValue<string>());
    }
}
