using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.DayAhead;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// Staff messages (each worker's day ahead, the interpreter still missing 48 hours before) through the real SMTP server, and
/// client SMS through the HTTP gateway adapter against a local stand-in gateway that refuses before it accepts.
/// </summary>
public sealed class StaffAndSmsDeliveryTests
{
    // Tuesday 24 November 2026, 15:00 in Berlin.
    private static readonly DateTime Tuesday15 = new(2026, 11, 24, 15, 0, 0);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_worker_gets_their_day_ahead_once_and_the_missing_interpreter_notice_without_topic_or_name(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, smtp.HostSettings);
        var office = await host.DemoOfficeAsync();
        var worker = await host.DemoUserAsync(Roles.Streetworker);
        var client = clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.None, null);
        using var http = await host.SignedInClientAsync(worker);
        await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(
            Tuesday15, [client.ClientId.Value], interpreter: new { language = "ar", modality = "in_person" }, confirm: true));

        // Less than 48 hours ahead and no interpreter booked: the notice to the worker goes out with the next sweep.
        await host.SweepAsync();
        // The demo office's own demo appointment with an interpreter (Wednesday) sends its notice too; ours is the Tuesday one.
        var notices = await MessagesAsync(smtp, worker.UserName, "Sprachmittlung fehlt noch", 2);
        var notice = Assert.Single(notices, m => m.Body.Contains("24.11.2026", StringComparison.Ordinal));
        Assert.Contains("15:00", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Arabisch", notice.Body, StringComparison.Ordinal);

        // Tuesday 06:30 in Berlin: the host's own scheduled run may plan at this very moment, and so do two more runs (two
        // instances). Whoever wins, each worker's day is planned once.
        clock.Advance(TimeSpan.FromHours(21) + TimeSpan.FromMinutes(30));
        var runs = await Task.WhenAll(PlanDayAheadAsync(host), PlanDayAheadAsync(host), PlanDayAheadAsync(host));
        var rows = await DayAheadRowsAsync(host);
        Assert.True(runs.Sum() <= rows.Count, $"planned {runs.Sum()} in all, but only {rows.Count} rows exist");
        Assert.Equal(rows.Count, rows.Select(r => r.WorkerId).Distinct().Count());
        Assert.Single(rows, r => r.WorkerId == worker.Id);
        Assert.Equal(0, await PlanDayAheadAsync(host)); // a later run the same morning (a restart) plans nothing
        await host.SweepAsync();

        var day = Assert.Single(await MessagesAsync(smtp, worker.UserName, "Ihr Tag", 1));
        Assert.Contains("24.11.2026", day.Subject, StringComparison.Ordinal);
        Assert.Contains("15:00–16:00 Beratung", day.Body, StringComparison.Ordinal);
        Assert.Contains(client.PseudonymCode, day.Body, StringComparison.Ordinal);
        Assert.Contains("Sprachmittlung (Arabisch) noch nicht bestätigt", day.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Layla", day.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mietschulden", day.Body, StringComparison.Ordinal);
        Assert.Equal(1, await host.WithDbAsync(db => db.Reminders.IgnoreQueryFilters()
            .CountAsync(r => r.Purpose == ReminderPurpose.DayAhead && r.WorkerId == worker.Id && r.State == ReminderState.Sent)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_store_refuses_a_second_day_ahead_for_the_same_worker_and_day_but_not_for_another_day(DatabaseProvider provider)
    {
        await using var database = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        await using var host = AppointmentsTestHost.Create(database.Options, clock, new FakeClientDirectory());
        var office = await host.DemoOfficeAsync();
        var worker = await host.DemoUserAsync(Roles.Streetworker);
        var appointment = AppointmentId.New();
        Reminder DayAhead(string code) => Reminder.Plan(office, appointment, ReminderPurpose.DayAhead, code, null, worker.Id,
            ReminderChannel.Email, "", "de", new ReminderText("Ihr Tag", "…"), ReminderTiming.At(clock.GetUtcNow()), null);

        await host.WithDbAsync(db => { db.Reminders.Add(DayAhead("day:2026-11-24")); return db.SaveChangesAsync(); });
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            host.WithDbAsync(db => { db.Reminders.Add(DayAhead("day:2026-11-24")); return db.SaveChangesAsync(); }));
        await host.WithDbAsync(db => { db.Reminders.Add(DayAhead("day:2026-11-25")); return db.SaveChangesAsync(); });

        Assert.Equal(2, (await DayAheadRowsAsync(host)).Count(r => r.WorkerId == worker.Id));
    }

    [Fact]
    public async Task A_worker_with_nothing_that_day_gets_no_day_ahead()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        // A Sunday with no appointments in the demo office's plan (the demo appointments lie on days 1, 2, 3 and 6).
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday.AddDays(-1).AddHours(-2).AddMinutes(30));
        await using var host = AppointmentsTestHost.Create(database.Options, clock, new FakeClientDirectory(), smtp.HostSettings);
        _ = await host.DemoOfficeAsync();

        Assert.Equal(0, await PlanDayAheadAsync(host));
    }

    [Fact]
    public async Task An_sms_goes_through_the_gateway_with_its_key_and_a_refusal_is_retried_with_back_off_keeping_the_last_error()
    {
        await using var gateway = await StandInGateway.StartAsync(refuseFirst: 2);
        await using var database = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, new Dictionary<string, string?>
        {
            ["Appointments:Sms:Url"] = gateway.Url,
            ["Appointments:Sms:ApiKey"] = "test-key-123",
        });
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.Sms, "+49 170 5550101");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(
            new DateTime(2026, 11, 25, 10, 0, 0), [client.ClientId.Value], confirm: true));

        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1)); // Tuesday 10:01: the day-before SMS is due
        // Here too the host's own sweep may have claimed the row a moment before ours.
        var first = await SweptUntilAsync(host, id, r => r.Attempts == 1);
        Assert.Equal(ReminderState.Failed, first.State);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("503", first.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), first.NextAttemptAt);

        await host.SweepAsync(); // not yet due again: nothing is sent
        Assert.Single(gateway.Requests);

        clock.Advance(TimeSpan.FromMinutes(1));
        // The host's own scheduled sweep may hold the reminder's lease at this moment: sweep until the attempt is recorded.
        var second = await SweptUntilAsync(host, id, r => r.Attempts == 2);
        Assert.Equal(ReminderState.Failed, second.State);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(4), second.NextAttemptAt);

        clock.Advance(TimeSpan.FromMinutes(4));
        var sent = await SweptUntilAsync(host, id, r => r.State == ReminderState.Sent);
        Assert.Equal(ReminderState.Sent, sent.State);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(3, gateway.Requests.Count);
        Assert.All(gateway.Requests, r => Assert.Equal("Bearer test-key-123", r.Authorization));
        Assert.All(gateway.Requests, r => Assert.Equal("+49 170 5550101", r.To));
        Assert.Contains("تذكير", gateway.Requests[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mietschulden", gateway.Requests[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_leaves_the_reminder_failed_with_the_error()
    {
        await using var database = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(database.Options, clock, clients, new Dictionary<string, string?>
        {
            ["Appointments:Sms:Url"] = $"http://127.0.0.1:{UnusedPort()}/sms",
        });
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Olena Kovalenko", "uk", ReminderChannelKind.Sms, "+49 170 5550102");
        using var http = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(
            new DateTime(2026, 11, 25, 10, 0, 0), [client.ClientId.Value], confirm: true));

        clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1));
        await host.SweepAsync();

        // The host's own scheduled sweep may hold the row (claimed) while it tries; wait until an attempt is recorded.
        var reminder = await ReminderAsync(host, id);
        for (var i = 0; i < 300 && reminder.Attempts == 0; i++)
        {
            await Task.Delay(100);
            reminder = await ReminderAsync(host, id);
        }

        Assert.Equal(ReminderState.Failed, reminder.State);
        Assert.Equal(1, reminder.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(reminder.LastError));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), reminder.NextAttemptAt);
    }

    private static Task<List<Reminder>> DayAheadRowsAsync(CaseWorkHostFactory host) =>
        host.WithDbAsync(db => db.Reminders.IgnoreQueryFilters().AsNoTracking().Where(r => r.Purpose == ReminderPurpose.DayAhead).ToListAsync());

    private static async Task<int> PlanDayAheadAsync(CaseWorkHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<PlanDayAheadMessages, int>>().Handle(new PlanDayAheadMessages(), CancellationToken.None);
        return result.Value;
    }

    private static Task<Reminder> SweptUntilAsync(CaseWorkHostFactory host, Guid appointment, Func<Reminder, bool> done) =>
        host.SweepUntilAsync(() => ReminderAsync(host, appointment), done);

    private static Task<Reminder> ReminderAsync(CaseWorkHostFactory host, Guid appointment) =>
        host.WithDbAsync(db => db.Reminders.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AppointmentId == new AppointmentId(appointment) && r.Purpose == ReminderPurpose.ClientReminder)
            .OrderBy(r => r.DueAt).FirstAsync());

    private static async Task<IReadOnlyList<ReceivedEmail>> MessagesAsync(SmtpTestServer smtp, string to, string subject, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<ReceivedEmail> Matching() =>
            [.. smtp.Messages().Where(m => m.To == to && m.Subject.StartsWith(subject, StringComparison.Ordinal))];
        while (Matching().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // A moment more, so a message sent twice would be seen.
        await Task.Delay(300);
        return Matching();
    }

    private static int UnusedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A stand-in SMS gateway on loopback: answers 503 to the first requests, then 202; records what it was sent.</summary>
    private sealed class StandInGateway : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StandInGateway(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<(string To, string Text, string Authorization)> Received { get; } = new();

        public IReadOnlyList<(string To, string Text, string Authorization)> Requests => [.. Received];

        public static async Task<StandInGateway> StartAsync(int refuseFirst)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            StandInGateway? self = null;
            app.MapPost("/sms", async (HttpContext context) =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                self!.Received.Enqueue((body.RootElement.GetProperty("to").GetString()!, body.RootElement.GetProperty("text").GetString()!,
                    context.Request.Headers.Authorization.ToString()));
                return self.Received.Count <= refuseFirst ? Results.Text("gateway busy", statusCode: 503) : Results.Accepted();
            });
            await app.StartAsync();
            self = new StandInGateway(app, app.Urls.First() + "/sms");
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
