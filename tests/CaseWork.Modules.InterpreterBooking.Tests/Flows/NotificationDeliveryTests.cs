using System.Net;
using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Notifications;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>Interpreter mails are rows sent after the commit (ADR 0036): a rolled-back change sends nothing, a failed send is retried, and
/// the stored text is emptied when the interpreter's access to the job's details ends.</summary>
public sealed class NotificationDeliveryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rolled_back_change_sends_nothing_and_a_committed_one_sends_its_offer(DatabaseProvider provider)
    {
        var mail = new RecordingEmailSender();
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<IEmailSender>(mail));
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Rollback office");
        var person = await host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        await booking.AddProfileAsync(office, person.Id, "Amal Haddad");
        var start = DateTimeOffset.UtcNow.Date.AddDays(12).AddHours(9);

        var rolledBack = Snapshot(office, start);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<AppointmentEventHandlers>().Handle(new AppointmentScheduled(Guid.NewGuid(), DateTimeOffset.UtcNow, rolledBack), default);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.Notifications.IgnoreQueryFilters().CountAsync());
            await transaction.RollbackAsync();
        }

        await SweepAsync(booking);
        Assert.DoesNotContain(mail.Sent, m => m.To == person.UserName);
        Assert.Equal(0, await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync()));

        var committed = Snapshot(office, start.AddDays(1));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppointmentEventHandlers>().Handle(new AppointmentScheduled(Guid.NewGuid(), DateTimeOffset.UtcNow, committed), default);
            await scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>().SaveChangesAsync();
        }

        await SweepAsync(booking);
        var offer = await mail.WaitForAsync(person.UserName, "neue Anfrage");
        Assert.Contains("/InterpreterBooking/Link/", offer.Body, StringComparison.Ordinal);
        Assert.Single(mail.Sent, m => m.To == person.UserName);
        var row = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal((NotificationState.Sent, 1, person.UserName), (row.State, row.Attempts, row.Address));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failed_send_keeps_its_error_and_is_retried_when_due(DatabaseProvider provider)
    {
        var mail = new RecordingEmailSender();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var booking = await BookingHost.StartAsync(provider, services =>
        {
            services.AddSingleton<IEmailSender>(mail);
            services.AddSingleton<TimeProvider>(clock);
        });
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Retry office");
        var person = await host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        await booking.AddProfileAsync(office, person.Id, "Amal Haddad");
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        mail.FailNext(1, person.UserName);

        var created = await worker.PostAsJsonAsync("/api/interpreter-booking/requests", new
        {
            language = "ar", modality = 1, start = clock.GetUtcNow().AddDays(10), durationMinutes = 60, place = "Telefon", subjectArea = 2,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await SweepAsync(booking);
        var failed = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal((NotificationState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Contains("The mail server is down.", failed.LastError, StringComparison.Ordinal);
        Assert.InRange((failed.NextAttemptAt!.Value - clock.GetUtcNow()).TotalMilliseconds, 59_999, 60_000); // stored to the microsecond

        // The coordinator sees the failed mail with its error on the request page.
        var requestId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("requestId").GetGuid();
        var page = await worker.GetStringAsync($"/InterpreterBooking/Request/{requestId}");
        Assert.Contains("fehlgeschlagen (1 von 5 Versuchen)", page, StringComparison.Ordinal);
        Assert.Contains("The mail server is down.", page, StringComparison.Ordinal);

        // Not due yet: nothing happens.
        await SweepAsync(booking);
        Assert.DoesNotContain(mail.Sent, m => m.To == person.UserName);
        Assert.Equal(1, mail.AttemptsTo(person.UserName));

        clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(booking);
        await mail.WaitForAsync(person.UserName, "neue Anfrage");
        var sent = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal((NotificationState.Sent, 2, (DateTimeOffset?)null), (sent.State, sent.Attempts, sent.NextAttemptAt));
        // Once to the interpreter. (The same sender also carries the host's other mail, such as the demo office's
        // "interpreter still missing" notice to a worker, whenever its own job runs.)
        Assert.Single(mail.Sent, m => m.To == person.UserName);

        // The stored text (place, initials, link) goes when the interpreter's access to the job's details ends: 14 days after
        // the job by default. An hour before that it is still there; the record that the mail went stays after.
        var body = sent.Body;
        Assert.NotEqual("", body);
        clock.Advance(TimeSpan.FromDays(24) - TimeSpan.FromMinutes(1));
        await SweepAsync(booking);
        Assert.Equal(body, (await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync())).Body);
        clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync(booking);
        var kept = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync());
        Assert.Equal("", kept.Body);
        Assert.Equal((NotificationState.Sent, person.UserName, sent.Subject, sent.SentAt), (kept.State, kept.Address, kept.Subject, kept.SentAt));
    }

    private static AppointmentSnapshot Snapshot(BuildingBlocks.Ids.OfficeId office, DateTimeOffset start) =>
        new(Guid.NewGuid(), office, [], [], start, start.AddHours(1), "counselling", new AppointmentPlace("phone", "Telefon"),
            new InterpreterNeed("ar", "Levantine", InterpretingModality.Phone, null, null));

    private static async Task SweepAsync(BookingHost booking)
    {
        await using var scope = booking.Host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<SendInterpreterNotifications, int>>().Handle(new SendInterpreterNotifications(), default);
        Assert.True(result.IsSuccess);
    }
}
