using System.Net;
using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.IntegrationEventHandlers;
using CaseWork.Modules.Appointments.Tests.Http;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Appointments.Tests.IntegrationEvents;

/// <summary>
/// The Clients module's events as the Appointments module handles them (its own handler, called as the inbox dispatcher
/// calls it), and the no-show counts other modules read through <see cref="IAppointmentAttendance"/>; SQLite and PostgreSQL.
/// </summary>
public sealed class ClientEventHandlerTests
{
    // Wednesday 25 November 2026, 10:00 in Berlin.
    private static readonly DateTime Wednesday10 = new(2026, 11, 25, 10, 0, 0);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Anonymising_a_client_drops_who_they_were_from_appointments_and_reminders_and_keeps_the_counts(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.Email, "layla@example.test");
        var other = clients.Add(office, "Ion Popescu", "ro", ReminderChannelKind.Email, "ion@example.test");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var today = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 23, 11, 0, 0), [client.ClientId.Value], confirm: true));
        var later = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value, other.ClientId.Value], confirm: true));
        clock.Advance(TimeSpan.FromHours(3)); // 12:00: the 11:00 appointment has begun, the client did not come
        using (var noShow = await http.PostAsJsonAsync($"/api/appointments/{today}/no-show", new { version = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        }

        await HandleAsync<ClientAnonymisedHandler, ClientAnonymised>(host, new ClientAnonymised(Guid.NewGuid(), clock.GetUtcNow(), office, client.ClientId, "retention"));

        await host.WithDbAsync(async db =>
        {
            var rows = await db.Appointments.IgnoreQueryFilters().Include(a => a.Clients).Where(a => a.OfficeId == office).ToListAsync();
            var participants = rows.SelectMany(a => a.Clients).ToList();
            Assert.DoesNotContain(participants, c => c.ClientId == client.ClientId.Value);
            Assert.All(participants.Where(c => c.ClientId is null), c => Assert.Equal("", c.PseudonymCode));
            Assert.Single(participants, c => c.ClientId is null && c.NoShow); // the no-show still counts, for nobody in particular
            Assert.Contains(participants, c => c.ClientId == other.ClientId.Value && c.PseudonymCode == other.PseudonymCode);
            Assert.Equal("", rows.Single(a => a.Id.Value == later).Topic); // the topic may have named them
            Assert.Equal(2, rows.Count(a => a.Id.Value == today || a.Id.Value == later));

            var reminders = await db.Reminders.IgnoreQueryFilters().Where(r => r.AppointmentId == new AppointmentId(later)).ToListAsync();
            var forgotten = reminders.Where(r => r.ClientId is null && r.Purpose == ReminderPurpose.ClientReminder).ToList();
            Assert.Equal(2, forgotten.Count);
            Assert.All(forgotten, r =>
            {
                Assert.Equal(ReminderState.Cancelled, r.State);
                Assert.Equal("", r.Address);
                Assert.Equal("", r.Body);
                Assert.Null(r.NextAttemptAt);
            });
            Assert.Equal(2, reminders.Count(r => r.ClientId == other.ClientId.Value && r.State == ReminderState.Scheduled && r.Address == "ion@example.test"));
            return 0;
        });

        var attendance = await AttendanceAsync(host, office, client.ClientId.Value);
        Assert.Equal(new ClientAttendance(0, 0, 0, 0, null), attendance);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_changed_channel_and_language_replans_pending_reminders_and_leaves_sent_ones(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Olena Kovalenko", "de", ReminderChannelKind.Email, "olena@example.test");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value], confirm: true));
        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1)); // Tuesday 10:01: the day-before email goes out
        // The host's own 15-second sweep may hold the reminder at this moment: wait until it is sent, whoever sends it.
        await host.SweepUntilAsync(
            () => host.WithDbAsync(db => db.Reminders.IgnoreQueryFilters().AsNoTracking()
                .CountAsync(r => r.AppointmentId == new AppointmentId(id) && r.Purpose == ReminderPurpose.ClientReminder && r.State == ReminderState.Sent)),
            sentCount => sentCount > 0);

        clients.Set(office, client with { PreferredLanguage = "uk", ReminderChannel = ReminderChannelKind.Sms, ReminderAddress = "+49 170 5550199" });
        await HandleAsync<ClientContactDetailsChangedHandler, ClientContactDetailsChanged>(host, new ClientContactDetailsChanged(Guid.NewGuid(), clock.GetUtcNow(), office, client.ClientId));

        var reminders = await host.WithDbAsync(db => db.Reminders.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AppointmentId == new AppointmentId(id) && r.Purpose == ReminderPurpose.ClientReminder).OrderBy(r => r.DueAt).ToListAsync());
        Assert.Equal(2, reminders.Count);
        var sent = reminders[0];
        Assert.Equal((ReminderState.Sent, ReminderChannel.Email, "olena@example.test", "de"), (sent.State, sent.Channel, sent.Address, sent.Language));
        var pending = reminders[1];
        Assert.Equal((ReminderState.Scheduled, ReminderChannel.Sms, "+49 170 5550199", "uk"), (pending.State, pending.Channel, pending.Address, pending.Language));
        Assert.Contains("Нагадування", pending.Body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), pending.NextAttemptAt); // 2 h before, 08:00 Berlin: not in quiet hours
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task No_shows_are_counted_per_client_for_the_case_file_and_another_office_reads_nothing(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients);
        var office = await host.DemoOfficeAsync();
        var stranger = await host.CreateOfficeAsync("Anderes Büro");
        var client = clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.None, null);
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var first = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 23, 10, 0, 0), [client.ClientId.Value], confirm: true));
        var second = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 23, 11, 0, 0), [client.ClientId.Value], confirm: true));
        var third = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 23, 12, 0, 0), [client.ClientId.Value], confirm: true));
        await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(Wednesday10, [client.ClientId.Value], confirm: true));
        clock.Advance(TimeSpan.FromHours(4)); // 13:00 Berlin
        foreach (var (id, action) in new[] { (first, "no-show"), (second, "complete"), (third, "no-show") })
        {
            using var response = await http.PostAsJsonAsync($"/api/appointments/{id}/{action}", new { version = 0 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var attendance = await AttendanceAsync(host, office, client.ClientId.Value);
        Assert.Equal(new ClientAttendance(1, 1, 2, 0, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)), attendance);
        Assert.Equal(new ClientAttendance(0, 0, 0, 0, null), await AttendanceAsync(host, stranger, client.ClientId.Value));
    }

    private static async Task HandleAsync<THandler, TEvent>(CaseWorkHostFactory host, TEvent integrationEvent)
        where THandler : IIntegrationEventHandler<TEvent>
        where TEvent : IIntegrationEvent
    {
        // As the inbox dispatcher calls it: the module's own handler, in a scope of its own.
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<THandler>().Handle(integrationEvent, CancellationToken.None);
    }

    private static async Task<ClientAttendance> AttendanceAsync(CaseWorkHostFactory host, CaseWork.BuildingBlocks.Ids.OfficeId office, Guid client)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAppointmentAttendance>().GetAttendanceAsync(office, client, CancellationToken.None);
    }
}
