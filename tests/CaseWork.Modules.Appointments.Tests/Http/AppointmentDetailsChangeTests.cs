using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// Changing what an appointment is, where, and which staff take part (PUT /api/appointments/{id} and the form on the
/// appointment page): reminders still to come name the new place, a booked room is refused, a busy colleague is a
/// warning to confirm, "this and following" reaches the rest of a series, and bad or stale input changes nothing.
/// </summary>
public sealed class AppointmentDetailsChangeTests(AppointmentApiFixture fixture) : IClassFixture<AppointmentApiFixture>
{
    private static object Details(int version, string placeText, IEnumerable<Guid> workers, string kind = "counselling", string placeKind = "address",
        Guid? roomId = null, string? scope = null, bool confirm = false, string? documents = null) => new
    {
        version, kind, placeKind, placeText, roomId, topic = "Wohnungssuche", documentsToBring = documents, workerIds = workers.ToArray(), scope,
        confirmWarnings = confirm,
    };

    [Fact]
    public async Task The_new_place_reaches_the_reminders_and_a_colleague_joins_while_the_time_stays()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var colleague = await fixture.Host.CreateUserAsync(fixture.Office, Roles.Streetworker, "Kollegin Ahmadi");
        var start = new DateTime(2027, 4, 6, 10, 0, 0);
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start, [fixture.Client.ClientId.Value]));
        var before = await AppointmentsTestHost.GetAsync(client, id);
        Assert.Contains(before["reminders"]!.AsArray(), r => r!["body"]!.GetValue<string>().Contains("Hauptstraße 5", StringComparison.Ordinal));

        using var response = await client.PutAsJsonAsync($"/api/appointments/{id}",
            Details(0, "Rathaus, Zimmer 12", [me, colleague.Id.Value], kind: "accompaniment", documents: "Pass, Bescheid"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonNode>())!["version"]!.GetValue<int>());
        var after = await AppointmentsTestHost.GetAsync(client, id);
        Assert.Equal("accompaniment", after["kind"]!.GetValue<string>());
        Assert.Equal("Rathaus, Zimmer 12", after["placeText"]!.GetValue<string>());
        Assert.Equal("Pass, Bescheid", after["documentsToBring"]!.GetValue<string>());
        Assert.Equal(start, after["startLocal"]!.GetValue<DateTime>());
        Assert.Equal(
            new[] { me, colleague.Id.Value }.Order(),
            after["workers"]!.AsArray().Select(w => w!["workerId"]!.GetValue<Guid>()).Order());
        var clientReminders = after["reminders"]!.AsArray().Where(r => r!["purpose"]!.GetValue<string>() == "client_reminder").ToList();
        Assert.NotEmpty(clientReminders);
        Assert.All(clientReminders, r =>
        {
            Assert.Contains("Rathaus, Zimmer 12", r!["body"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("Hauptstraße 5", r["body"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.True(after["sequence"]!.GetValue<int>() > before["sequence"]!.GetValue<int>(), "calendar feeds see the change");
    }

    [Fact]
    public async Task A_booked_room_stale_version_bad_input_other_offices_and_supervisors_change_nothing()
    {
        using var supervisor = await fixture.AsAsync(Roles.Supervisor);
        using var roomResponse = await supervisor.PostAsJsonAsync("/api/appointments/rooms", new { name = "Raum " + Guid.NewGuid().ToString("N")[..6] });
        var room = JsonNode.Parse(await roomResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var start = new DateTime(2027, 4, 7, 10, 0, 0);
        await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start, roomId: room));
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start.AddMinutes(30), confirm: true));
        using var other = await fixture.Host.SignedInClientAsync(fixture.OtherStreetworker);

        using var roomTaken = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "", [me], placeKind: "office_room", roomId: room, confirm: true));
        using var stale = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(7, "Rathaus", [me]));
        using var noRoom = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "", [me], placeKind: "office_room"));
        using var noWorkers = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", []));
        using var unknownWorker = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [Guid.NewGuid()]));
        using var unknownKind = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [me], kind: "party"));
        using var elsewhere = await other.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [me]));
        using var bySupervisor = await supervisor.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [me]));

        Assert.Equal(HttpStatusCode.Conflict, roomTaken.StatusCode);
        Assert.Contains("room-taken", await roomTaken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await AssertFieldErrorAsync(noRoom, "roomId");
        await AssertFieldErrorAsync(noWorkers, "workerIds");
        await AssertFieldErrorAsync(unknownWorker, "workerIds");
        await AssertFieldErrorAsync(unknownKind, "kind");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
        var unchanged = await AppointmentsTestHost.GetAsync(client, id);
        Assert.Equal(0, unchanged["version"]!.GetValue<int>());
        Assert.Equal("address", unchanged["placeKind"]!.GetValue<string>());
        Assert.Equal("Hauptstraße 5, Beratungsraum", unchanged["placeText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_an_appointment_into_a_room_names_the_office_and_the_room_in_the_clients_language()
    {
        using var supervisor = await fixture.AsAsync(Roles.Supervisor);
        var roomName = "Raum " + Guid.NewGuid().ToString("N")[..6];
        using var roomResponse = await supervisor.PostAsJsonAsync("/api/appointments/rooms", new { name = roomName });
        var room = JsonNode.Parse(await roomResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(new DateTime(2027, 4, 12, 10, 0, 0), [fixture.Client.ClientId.Value]));

        using var moved = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "", [me], placeKind: "office_room", roomId: room));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var reminders = (await AppointmentsTestHost.GetAsync(client, id))["reminders"]!.AsArray().Where(r => r!["purpose"]!.GetValue<string>() == "client_reminder").ToList();
        Assert.NotEmpty(reminders);
        // The client reads Arabic: "in our office: <room>".
        Assert.All(reminders, r => Assert.Contains("في مكتبنا: \u2066" + roomName, r!["body"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_busy_colleague_is_a_warning_to_confirm()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var colleague = await fixture.Host.CreateUserAsync(fixture.Office, Roles.Streetworker, "Kollege Beck");
        using var colleagueClient = await fixture.Host.SignedInClientAsync(colleague);
        var start = new DateTime(2027, 4, 8, 10, 0, 0);
        await AppointmentsTestHost.CreateAsync(colleagueClient, AppointmentsTestHost.NewAppointment(start));
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(start));

        using var unconfirmed = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [me, colleague.Id.Value]));
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.Contains("worker-busy:" + colleague.Id.Value, await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await AppointmentsTestHost.GetAsync(client, id))["workers"]!.AsArray());

        using var confirmed = await client.PutAsJsonAsync($"/api/appointments/{id}", Details(0, "Rathaus", [me, colleague.Id.Value], confirm: true));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, (await AppointmentsTestHost.GetAsync(client, id))["workers"]!.AsArray().Count);
    }

    [Fact]
    public async Task This_and_following_changes_the_rest_of_the_series_and_leaves_the_earlier_ones()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var first = new DateTime(2027, 5, 4, 14, 0, 0);
        using var created = await client.PostAsJsonAsync("/api/appointments", new
        {
            kind = "group", placeKind = "address", placeText = "Gemeinschaftsraum", start = first, end = first.AddHours(2), confirmWarnings = true,
            recurrence = new { everyWeeks = 1, until = "2027-05-25" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ids = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["appointmentIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToList();
        Assert.Equal(4, ids.Count);

        using var changed = await client.PutAsJsonAsync($"/api/appointments/{ids[2]}",
            Details(0, "Stadtteilzentrum, Saal 2", [me], kind: "group", scope: "following", confirm: true));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var places = new List<string>();
        foreach (var id in ids)
        {
            places.Add((await AppointmentsTestHost.GetAsync(client, id))["placeText"]!.GetValue<string>());
        }

        Assert.Equal(["Gemeinschaftsraum", "Gemeinschaftsraum", "Stadtteilzentrum, Saal 2", "Stadtteilzentrum, Saal 2"], places);
    }

    [Fact]
    public async Task On_the_page_a_streetworker_changes_the_place_and_a_supervisor_only_reads()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var id = await AppointmentsTestHost.CreateAsync(client, AppointmentsTestHost.NewAppointment(new DateTime(2027, 4, 9, 10, 0, 0), confirm: true));
        var page = await client.GetStringAsync($"/Appointments/Details/{id}");
        Assert.Contains("handler=Details", page, StringComparison.Ordinal);

        using var emptyPlace = await client.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(page), "", me));
        Assert.Equal(HttpStatusCode.OK, emptyPlace.StatusCode);
        Assert.Contains("Say where.", await emptyPlace.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await client.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(page), "Jugendamt Mitte, 3. Stock", me));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Jugendamt Mitte, 3. Stock", await client.GetStringAsync($"/Appointments/Details/{id}"), StringComparison.Ordinal);

        using var supervisor = await fixture.AsAsync(Roles.Supervisor);
        var supervisorPage = await supervisor.GetStringAsync($"/Appointments/Details/{id}");
        Assert.Contains("Jugendamt Mitte, 3. Stock", supervisorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Details", supervisorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Reschedule", supervisorPage, StringComparison.Ordinal);
        using var refused = await supervisor.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(supervisorPage), "Woanders", me, version: 1));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Woanders", await client.GetStringAsync($"/Appointments/Details/{id}"), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, string placeText, Guid worker, int version = 0) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EditKind"] = "accompaniment", ["EditPlaceKind"] = "address", ["EditPlaceText"] = placeText, ["EditWorkerIds"] = worker.ToString(),
    });

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.NotNull(problem!["errors"]![field]);
    }
}
