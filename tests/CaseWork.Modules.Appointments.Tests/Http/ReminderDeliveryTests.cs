using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>Reminders go out through the real SMTP server once, survive a restart, move and cancel with their appointment.</summary>
public sealed class ReminderDeliveryTests
{
    // Messages to clients only: the demo office's own demo appointments send staff notices (an interpreter still missing) too.
    private static async Task<IReadOnlyList<ReceivedEmail>> ClientMessagesAsync(SmtpTestServer smtp, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = smtp.Messages().Where(m => m.To.EndsWith("@example.test", StringComparison.Ordinal)).ToList();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                // A moment more, so a message sent twice would be seen.
                await Task.Delay(300);
                return [.. smtp.Messages().Where(m => m.To.EndsWith("@example.test", StringComparison.Ordinal))];
            }

            await Task.Delay(100);
        }
    }

    // Wednesday 25 November 2026, 10:00 in Berlin (09:00 UTC): reminders due Tuesday 10:00 and Wednesday 08:00 local.
    private static readonly DateTime Wednesday10 = new(2026, 11, 25, 10, 0, 0);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reminder_is_delivered_to_the_real_smtp_server_once_in_the_clients_language(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.Email, "layla@example.test");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value]));

        // Not yet due. (A sweep's count is not asserted: it also counts the demo office's own notices, "an interpreter is still
        // missing", which the host's background work plans on the same clock; in one CI run a second sweep here counted one.
        // What this test is about, the client's message, is counted at the SMTP server.)
        await host.SweepAsync();
        Assert.Empty(await ClientMessagesAsync(smtp, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1));
        // The host's own scheduled sweep runs too (on the same clock); between them and a second sweep of ours, which would
        // send it again if a claim let it, the reminder goes out once.
        await host.SweepAsync();
        await host.SweepAsync();

        var messages = await ClientMessagesAsync(smtp, 1, TimeSpan.FromSeconds(10));
        var message = Assert.Single(messages);
        Assert.Equal("layla@example.test", message.To);
        Assert.Contains("تذكير", message.Body, StringComparison.Ordinal);
        Assert.Contains("\u206625.11.2026\u2069", message.Body, StringComparison.Ordinal);
        Assert.Contains("\u206610:00\u2069", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mietschulden", message.Body, StringComparison.Ordinal);

        using var later = await host.SignedInClientAsync(await host.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
        var details = await AppointmentsTestHost.GetAsync(later, id);
        var states = details["reminders"]!.AsArray().Select(r => r!["state"]!.GetValue<string>()).ToList();
        Assert.Equal(["sent", "scheduled"], states);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_restart_between_scheduling_and_the_due_time_still_delivers(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using (var first = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings))
        {
            var office = await first.DemoOfficeAsync();
            var client = clients.Add(office, "Olena Kovalenko", "uk", ReminderChannelKind.Email, "olena@example.test");
            using var http = await first.SignedInClientAsync(await first.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
            await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value]));
        }

        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1));
        await using var second = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        await second.SweepAsync();

        var message = Assert.Single(await ClientMessagesAsync(smtp, 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Нагадування", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hosts_on_one_postgres_deliver_each_reminder_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var first = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        await using var second = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        var office = await first.DemoOfficeAsync();
        using var http = await first.SignedInClientAsync(await first.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
        _ = await second.DemoOfficeAsync();
        const int appointments = 12;
        for (var i = 0; i < appointments; i++)
        {
            var client = clients.Add(office, $"Client {i}", "de", ReminderChannelKind.Email, $"client{i}@example.test");
            await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10.AddMinutes(i), [client.ClientId.Value], confirm: true));
        }

        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(30));
        // Four sweeps at once on two hosts, next to the hosts' own 15-second sweeps (which may hand some first): whoever
        // sends, each reminder goes out once.
        await Task.WhenAll(first.SweepAsync(), second.SweepAsync(), first.SweepAsync(), second.SweepAsync());

        var messages = await ClientMessagesAsync(smtp, appointments, TimeSpan.FromSeconds(20));
        Assert.Equal(appointments, messages.Count);
        Assert.Equal(appointments, messages.Select(m => m.To).Distinct().Count());
        Assert.Equal(appointments, await first.WithDbAsync(db => db.Reminders.IgnoreQueryFilters().CountAsync(r => r.State == ReminderState.Sent && r.Purpose == ReminderPurpose.ClientReminder)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rescheduling_moves_the_reminders_and_cancelling_cancels_them_and_notifies_a_client_already_reminded(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Ion Popescu", "ro", ReminderChannelKind.Email, "ion@example.test");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value]));

        using (var moved = await http.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { version = 0, start = Wednesday10.AddDays(1).AddHours(4), end = Wednesday10.AddDays(1).AddHours(5) }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, moved.StatusCode);
        }

        var details = await AppointmentsTestHost.GetAsync(http, id);
        var dues = details["reminders"]!.AsArray().Select(r => r!["dueLocal"]!.GetValue<DateTime>()).ToList();
        Assert.Equal([new DateTime(2026, 11, 25, 14, 0, 0), new DateTime(2026, 11, 26, 12, 0, 0)], dues);
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), details["earlierTimes"]![0]!["previousStartLocal"]!.GetValue<DateTime>());

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1)); // Wednesday 14:01 Berlin: the day-before reminder is due
        await host.SweepAsync();
        Assert.Single(await ClientMessagesAsync(smtp, 1, TimeSpan.FromSeconds(10)));
        using var later = await host.SignedInClientAsync(await host.DemoUserAsync(CaseWork.BuildingBlocks.Identity.Roles.Streetworker));
        var version = (await AppointmentsTestHost.GetAsync(later, id))["version"]!.GetValue<int>();
        using (var cancelled = await later.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { version, cancelledBy = "client", reason = "krank" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, cancelled.StatusCode);
        }

        // The host's own sweep may be the one sending the notice: sweep until no reminder is left waiting.
        var reminders = await host.SweepUntilAsync(
            async () => (await AppointmentsTestHost.GetAsync(later, id))["reminders"]!.AsArray()
                .Select(r => (Purpose: r!["purpose"]!.GetValue<string>(), State: r["state"]!.GetValue<string>())).ToList(),
            rows => !rows.Any(r => r.State == "scheduled"));

        Assert.Equal([("client_reminder", "sent"), ("client_reminder", "cancelled"), ("client_cancellation", "sent")], reminders);
        var messages = await ClientMessagesAsync(smtp, 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);
        Assert.Contains("nu va avea loc", messages[1].Body, StringComparison.Ordinal);
    }
}

/// <summary>A database for one test on either provider.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDataDirectory? _directory;
    private readonly PostgresTestDatabase? _postgres;

    private TestStore(DatabaseOptions options, TempDataDirectory? directory, PostgresTestDatabase? postgres)
    {
        Options = options;
        _directory = directory;
        _postgres = postgres;
    }

    public DatabaseOptions Options { get; }

    public static async Task<TestStore> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = new TempDataDirectory();
            return new TestStore(TestDatabases.Sqlite(directory.Path), directory, null);
        }

        var postgres = await TestDatabases.CreatePostgresAsync("appointments");
        return new TestStore(TestDatabases.Postgres(postgres.ConnectionString), null, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        _directory?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
