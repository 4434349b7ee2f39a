using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// The manual channel (messenger, via the office): when due, a message is handed to the workers, not marked as delivered;
/// a streetworker confirms it was sent by hand (once, audited), on the outgoing page or the API. Other messages, messages
/// not yet due, other offices and supervisors cannot confirm.
/// </summary>
public sealed class SentByHandTests
{
    // Wednesday 25 November 2026, 10:00 in Berlin: the day-before reminder is due Tuesday 10:00.
    private static readonly DateTime Wednesday10 = new(2026, 11, 25, 10, 0, 0);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_messenger_reminder_is_handed_over_when_due_and_confirmed_once_as_sent_by_hand(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var messenger = clients.Add(office, "Dawit Tesfaye", "en", ReminderChannelKind.Messenger, "Signal +49 151 2222222");
        var email = clients.Add(office, "Maria Popescu", "ro", ReminderChannelKind.Email, "maria@example.test");
        var streetworker = await host.DemoUserAsync(Roles.Streetworker);
        var http = await host.SignedInClientAsync(streetworker);
        await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [messenger.ClientId.Value, email.ClientId.Value]));

        // The day-before reminder (the two-hours-before one comes later).
        var notYetDue = (await OutgoingAsync(http)).Where(m => m["address"]!.GetValue<string>().StartsWith("Signal", StringComparison.Ordinal))
            .OrderBy(m => m["dueLocal"]!.GetValue<DateTime>()).First();
        Assert.Equal("scheduled", notYetDue["state"]!.GetValue<string>());
        using (var early = await http.PostAsync($"/api/appointments/outgoing/{notYetDue["reminderId"]}/sent-by-hand", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1));
        await host.SweepAsync();
        // A day later: the sign-in has run out, as it would for the worker.
        http.Dispose();
        http = await host.SignedInClientAsync(streetworker);
        var handed = (await OutgoingAsync(http)).Single(m => m["reminderId"]!.GetValue<Guid>() == notYetDue["reminderId"]!.GetValue<Guid>());
        Assert.True(handed["awaitsSendingByHand"]!.GetValue<bool>());
        var page = await http.GetStringAsync("/Appointments/Outgoing");
        Assert.Contains("Von Hand zu senden: 1", page, StringComparison.Ordinal);
        var emailMessage = (await OutgoingAsync(http)).First(m => m["address"]!.GetValue<string>() == "maria@example.test");

        using var other = await host.SignedInClientAsync(await host.CreateUserAsync(await host.CreateOfficeAsync("Anderes Büro"), Roles.Streetworker));
        using var supervisor = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Supervisor));
        using (var elsewhere = await other.PostAsync($"/api/appointments/outgoing/{handed["reminderId"]}/sent-by-hand", null))
        using (var bySupervisor = await supervisor.PostAsync($"/api/appointments/outgoing/{handed["reminderId"]}/sent-by-hand", null))
        using (var notManual = await http.PostAsync($"/api/appointments/outgoing/{emailMessage["reminderId"]}/sent-by-hand", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, notManual.StatusCode);
        }

        Assert.True((await OutgoingAsync(http)).Single(m => m["reminderId"]!.GetValue<Guid>() == handed["reminderId"]!.GetValue<Guid>())["awaitsSendingByHand"]!.GetValue<bool>());

        // On the page: the streetworker confirms; saying it twice changes nothing and is audited once.
        using var confirmed = await http.PostAsync($"/Appointments/Outgoing?handler=SentByHand&reminderId={handed["reminderId"]}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.FormToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        using (var again = await http.PostAsync($"/api/appointments/outgoing/{handed["reminderId"]}/sent-by-hand", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        var done = (await OutgoingAsync(http)).Single(m => m["reminderId"]!.GetValue<Guid>() == handed["reminderId"]!.GetValue<Guid>());
        Assert.False(done["awaitsSendingByHand"]!.GetValue<bool>());
        Assert.Equal(streetworker.DisplayName, done["sentByHandBy"]!.GetValue<string>());
        Assert.DoesNotContain("Von Hand zu senden", await http.GetStringAsync("/Appointments/Outgoing"), StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var reminderId = handed["reminderId"]!.GetValue<Guid>().ToString();
        var audit = await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().Where(e => e.RecordId == reminderId).ToListAsync();
        Assert.Single(audit, e => e.Details == "sent by hand");
        http.Dispose();
    }

    private static async Task<List<JsonNode>> OutgoingAsync(HttpClient http) =>
        [.. (await http.GetFromJsonAsync<JsonNode>("/api/appointments/outgoing"))!["messages"]!.AsArray().Select(m => m!)];
}
