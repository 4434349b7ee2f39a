using System.Net;
using System.Net.Http.Json;
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
/// Who is not reminded and why (opted out, no channel they agreed to), and the events the end of an appointment publishes
/// through the outbox: <c>AppointmentCompleted</c>, and <c>AppointmentNoShow</c> once per client - on both providers.
/// </summary>
public sealed class LifecycleEventsTests
{
    // Wednesday 25 November 2026, 10:00 and 14:00 in Berlin.
    private static readonly DateTime Wednesday10 = new(2026, 11, 25, 10, 0, 0);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Skipped_reminders_say_why_and_completion_and_no_shows_are_published(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var optedOut = clients.Add(office, "Ali Rahimi", "fa", ReminderChannelKind.None, null);
        var noAddress = clients.Add(office, "Ionela Dinu", "ro", ReminderChannelKind.Sms, null);
        var reachable = clients.Add(office, "Oksana Melnyk", "uk", ReminderChannelKind.Sms, "+49 170 3333333");
        var streetworker = await host.DemoUserAsync(Roles.Streetworker);
        var http = await host.SignedInClientAsync(streetworker);
        var everyone = new[] { optedOut.ClientId.Value, noAddress.ClientId.Value, reachable.ClientId.Value };
        var completed = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, everyone, confirm: true));
        var missed = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10.AddHours(4), everyone, confirm: true));

        var reminders = (await AppointmentsTestHost.GetAsync(http, completed))["reminders"]!.AsArray()
            .Where(r => r!["purpose"]!.GetValue<string>() == "client_reminder").ToList();
        // Each client reads another language (the fake directory's codes can coincide).
        List<string> ReasonsOf(ClientDisplaySummary client) => [.. reminders
            .Where(r => r!["language"]!.GetValue<string>() == client.PreferredLanguage).Select(r => r!["skipReason"]?.GetValue<string>() ?? "-")];
        Assert.Equal(["opted_out", "opted_out"], ReasonsOf(optedOut));
        Assert.Equal(["no_consented_channel", "no_consented_channel"], ReasonsOf(noAddress));
        Assert.Equal(["-", "-"], ReasonsOf(reachable));

        // Before it started, an appointment can be neither completed nor missed.
        using (var early = await http.PostAsJsonAsync($"/api/appointments/{completed}/complete", new { version = 0 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
        http.Dispose();
        http = await host.SignedInClientAsync(streetworker);
        using (var done = await http.PostAsJsonAsync($"/api/appointments/{completed}/complete", new { version = 0 }))
        using (var noShow = await http.PostAsJsonAsync($"/api/appointments/{missed}/no-show", new { version = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        }

        var events = await OutboxAsync(host);
        Assert.Single(events, e => e.Type.Contains(nameof(AppointmentCompleted), StringComparison.Ordinal) && e.Content.Contains(completed.ToString(), StringComparison.Ordinal));
        var noShows = events.Where(e => e.Type.Contains(nameof(AppointmentNoShow), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, noShows.Count);
        Assert.All(everyone, client => Assert.Single(noShows, e => e.Content.Contains(client.ToString(), StringComparison.Ordinal)));
        Assert.All(noShows, e => Assert.Contains(missed.ToString(), e.Content, StringComparison.Ordinal));
        http.Dispose();
    }

    private static async Task<List<(string Type, string Content)>> OutboxAsync(CaseWorkHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().OutboxMessages.AsNoTracking()
            .Select(m => new { m.Type, m.Content }).ToListAsync();
        return [.. rows.Select(r => (r.Type, r.Content))];
    }
}
