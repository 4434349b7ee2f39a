using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// Changing an appointment's clients and its interpreter need (PUT /api/appointments/{id}), on both providers: a client who
/// leaves loses the reminders still to come (and, already reminded, is told it is off); one who joins is reminded in their
/// language; each change of the need is published through the outbox with the need before and after; bad input, stale
/// versions, other roles and other offices change nothing.
/// </summary>
public sealed class ClientsAndInterpreterChangeTests
{
    // Tuesday 24 November 2026, 10:00 in Berlin: the 24-hour reminder is due on Monday at 10:00 (09:00 UTC).
    private static readonly DateTime Tuesday10 = new(2026, 11, 24, 10, 0, 0);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Clients_join_and_leave_with_their_reminders_and_the_interpreter_need_is_set_changed_and_removed(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var samir = clients.Add(office, "Samir Haddad", "ar", ReminderChannelKind.Sms, "+49 170 1111111");
        var olena = clients.Add(office, "Olena Koval", "uk", ReminderChannelKind.Email, "olena@example.test");
        var me = (await host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Tuesday10, [samir.ClientId.Value], confirm: true));
        var before = await AppointmentsTestHost.GetAsync(http, id);

        // Samir's 24-hour reminder goes out; then he leaves and Olena joins, with an interpreter for Arabic.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        await host.SweepUntilAsync(() => AppointmentsTestHost.GetAsync(http, id), a => RemindersOf(a, samir).Any(r => State(r) == "sent"));
        using (var changed = await http.PutAsJsonAsync($"/api/appointments/{id}", Body(await VersionAsync(http, id), me, clientIds: [olena.ClientId.Value],
                   interpreter: new { language = "ar", dialect = "Levantine", modality = "in_person", notes = "bitte pünktlich" })))
        {
            Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        }

        var after = await AppointmentsTestHost.GetAsync(http, id);
        Assert.Equal([olena.ClientId.Value], after["clients"]!.AsArray().Select(c => c!["clientId"]!.GetValue<Guid>()));
        Assert.True(after["sequence"]!.GetValue<int>() > before["sequence"]!.GetValue<int>(), "calendar feeds see the change");
        var samirs = RemindersOf(after, samir);
        Assert.Contains(samirs, r => Purpose(r) == "client_reminder" && State(r) == "sent");
        Assert.DoesNotContain(samirs, r => Purpose(r) == "client_reminder" && State(r) is "scheduled" or "failed");
        Assert.Contains(samirs, r => Purpose(r) == "client_cancellation");
        var olenas = RemindersOf(after, olena).Where(r => Purpose(r) == "client_reminder").ToList();
        Assert.NotEmpty(olenas);
        Assert.All(olenas, r => Assert.Equal("uk", r!["language"]!.GetValue<string>()));
        Assert.Contains(olenas, r => State(r) == "scheduled" && r!["channel"]!.GetValue<string>() == "email");
        Assert.Equal("ar", after["interpreter"]!["language"]!.GetValue<string>());
        Assert.Equal("bitte pünktlich", after["interpreter"]!["notes"]!.GetValue<string>());
        Assert.Equal("requested", after["interpreterStatus"]!.GetValue<string>());

        var joined = Assert.Single(await OutboxAsync<AppointmentClientsChanged>(host, id));
        Assert.Equal([olena.ClientId.Value], joined.AddedClientIds);
        Assert.Equal([samir.ClientId.Value], joined.RemovedClientIds);
        var added = Assert.Single(await OutboxAsync<AppointmentInterpreterNeedChanged>(host, id));
        Assert.Null(added.PreviousNeed);
        Assert.Equal(new InterpreterNeed("ar", "Levantine", InterpretingModality.InPerson, null, "bitte pünktlich"), added.Appointment.InterpreterNeed);

        // Another language by video (the clients left out stay as they are), then no interpreter at all.
        using (var farsi = await http.PutAsJsonAsync($"/api/appointments/{id}", Body(await VersionAsync(http, id), me,
                   interpreter: new { language = "fa", modality = "video" })))
        {
            Assert.Equal(HttpStatusCode.OK, farsi.StatusCode);
        }

        using (var removed = await http.PutAsJsonAsync($"/api/appointments/{id}", Body(await VersionAsync(http, id), me, removeInterpreter: true)))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        var needs = (await OutboxAsync<AppointmentInterpreterNeedChanged>(host, id)).OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId).ToList();
        Assert.Equal(3, needs.Count);
        Assert.Equal(("ar", "fa", InterpretingModality.Video), (needs[1].PreviousNeed!.Language, needs[1].Appointment.InterpreterNeed!.Language, needs[1].Appointment.InterpreterNeed!.Modality));
        Assert.Equal("fa", needs[2].PreviousNeed!.Language);
        Assert.Null(needs[2].Appointment.InterpreterNeed);
        var current = await AppointmentsTestHost.GetAsync(http, id);
        Assert.Null(current["interpreter"]);
        Assert.Equal("not_needed", current["interpreterStatus"]!.GetValue<string>());
        Assert.Equal([olena.ClientId.Value], current["clients"]!.AsArray().Select(c => c!["clientId"]!.GetValue<Guid>()));

        // Samir joins again: his reminder still to come is planned again.
        using (var back = await http.PutAsJsonAsync($"/api/appointments/{id}", Body(await VersionAsync(http, id), me, clientIds: [olena.ClientId.Value, samir.ClientId.Value])))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        Assert.Contains(RemindersOf(await AppointmentsTestHost.GetAsync(http, id), samir), r => Purpose(r) == "client_reminder" && State(r) == "scheduled");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task No_clients_unknown_foreign_or_anonymised_clients_a_bad_language_a_stale_version_and_other_roles_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var other = await host.CreateOfficeAsync("Anderes Büro");
        var samir = clients.Add(office, "Samir Haddad", "ar", ReminderChannelKind.Sms, "+49 170 1111111");
        var foreign = clients.Add(other, "Fremde Person", "de", ReminderChannelKind.Email, "x@example.test");
        var gone = clients.Add(office, "Anonym Isiert", "de", ReminderChannelKind.Email, "y@example.test");
        clients.Set(office, gone with { IsAnonymised = true });
        var me = (await host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var supervisor = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Supervisor));
        using var elsewhere = await host.SignedInClientAsync(await host.CreateUserAsync(other, Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Tuesday10, [samir.ClientId.Value],
            interpreter: new { language = "ar", modality = "in_person" }, confirm: true));
        var before = await AppointmentsTestHost.GetAsync(http, id);
        var version = before["version"]!.GetValue<int>();
        var events = (await OutboxAsync<AppointmentInterpreterNeedChanged>(host, id)).Count + (await OutboxAsync<AppointmentClientsChanged>(host, id)).Count;

        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, clientIds: [])), "clientIds");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, clientIds: [Guid.NewGuid()])), "clientIds");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, clientIds: [samir.ClientId.Value, foreign.ClientId.Value])), "clientIds");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, clientIds: [gone.ClientId.Value])), "clientIds");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, interpreter: new { language = "xx", modality = "in_person" })), "interpreter.language");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, interpreter: new { language = "fa", modality = "by_pigeon" })), "interpreter.modality");
        await AssertFieldErrorAsync(await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, interpreter: new { language = "fa" }, removeInterpreter: true)), "interpreter");
        using (var staleButValid = await http.PutAsJsonAsync($"/api/appointments/{id}", Body(version + 5, me, removeInterpreter: true)))
        using (var bySupervisor = await supervisor.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, removeInterpreter: true)))
        using (var fromElsewhere = await elsewhere.PutAsJsonAsync($"/api/appointments/{id}", Body(version, me, removeInterpreter: true)))
        {
            Assert.Equal(HttpStatusCode.Conflict, staleButValid.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        }

        var unchanged = await AppointmentsTestHost.GetAsync(http, id);
        Assert.Equal(version, unchanged["version"]!.GetValue<int>());
        Assert.Equal(before["sequence"]!.GetValue<int>(), unchanged["sequence"]!.GetValue<int>());
        Assert.Equal([samir.ClientId.Value], unchanged["clients"]!.AsArray().Select(c => c!["clientId"]!.GetValue<Guid>()));
        Assert.Equal("ar", unchanged["interpreter"]!["language"]!.GetValue<string>());
        Assert.All(RemindersOf(unchanged, samir).Where(r => Purpose(r) == "client_reminder"), r => Assert.Equal("scheduled", State(r)));
        Assert.Equal(events, (await OutboxAsync<AppointmentInterpreterNeedChanged>(host, id)).Count + (await OutboxAsync<AppointmentClientsChanged>(host, id)).Count);
    }

    private static object Body(int version, Guid worker, Guid[]? clientIds = null, object? interpreter = null, bool removeInterpreter = false) => new
    {
        version, kind = "counselling", placeKind = "address", placeText = "Hauptstraße 5, Beratungsraum", workerIds = new[] { worker }, confirmWarnings = true,
        clientIds, interpreter, removeInterpreter,
    };

    private static async Task<int> VersionAsync(HttpClient http, Guid id) => (await AppointmentsTestHost.GetAsync(http, id))["version"]!.GetValue<int>();

    // By the address the client agreed to: the fake directory's pseudonym codes can coincide.
    private static List<JsonNode?> RemindersOf(JsonNode appointment, ClientDisplaySummary client) =>
        [.. appointment["reminders"]!.AsArray().Where(r => r!["clientPseudonym"] is not null && r["address"]?.GetValue<string>() == client.ReminderAddress)];

    private static string Purpose(JsonNode? reminder) => reminder!["purpose"]!.GetValue<string>();

    private static string State(JsonNode? reminder) => reminder!["state"]!.GetValue<string>();

    private static async Task<List<T>> OutboxAsync<T>(CaseWorkHostFactory host, Guid appointment)
        where T : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().OutboxMessages.AsNoTracking()
            .Select(m => new { m.Type, m.Content }).ToListAsync();
        return [.. rows.Where(r => r.Type.Contains(typeof(T).Name, StringComparison.Ordinal) && r.Content.Contains(appointment.ToString(), StringComparison.Ordinal))
            .Select(r => JsonSerializer.Deserialize<T>(r.Content, Web)!)];
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            Assert.NotNull(JsonNode.Parse(text)!["errors"]![field]);
        }
    }
}
