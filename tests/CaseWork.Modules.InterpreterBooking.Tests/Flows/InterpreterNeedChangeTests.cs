using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Notifications;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>
/// An appointment's interpreter need changes after it was planned (<see cref="AppointmentInterpreterNeedChanged"/>, published
/// here by calling the handler as the outbox dispatcher would): another modality cancels the booking — the interpreter is told
/// by email as for a cancelled appointment — and asks again; changed notes keep it; a removed need cancels; an added one
/// requests as a newly planned appointment would; a repeated event changes nothing twice. Changed clients reach the request.
/// On both providers.
/// </summary>
public sealed class InterpreterNeedChangeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_changed_need_cancels_and_asks_again_a_removed_one_cancels_and_an_added_one_asks(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var clock = new FakeTimeProvider(Monday);
        await using var booking = await BookingHost.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IClientDirectory>(new FakeClientDirectory());
        }, new Dictionary<string, string?>(smtp.HostSettings));
        var office = await booking.Host.CreateOfficeAsync("Need office");
        var interpreter = await booking.Host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        await booking.AddProfileAsync(office, interpreter.Id, "Amal Haddad");
        var start = Monday.AddDays(10).AddHours(1);
        var inPerson = new InterpreterNeed("ar", "Levantine", InterpretingModality.InPerson, null, "bitte pünktlich");
        var planned = new AppointmentSnapshot(Guid.NewGuid(), office, [Guid.NewGuid()], [], start, start.AddHours(1), "counselling",
            new AppointmentPlace("address", "Beratungsstelle"), inPerson);

        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, planned), default));
        var first = await CurrentAsync(booking, planned.AppointmentId);
        var accepted = await booking.SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, Assert.Single(first!.Offers).LinkToken));
        Assert.True(accepted.IsSuccess);

        // Video instead of in person: the booked interpreter is released (and told), the pool is asked for the new need.
        var byVideo = planned with { InterpreterNeed = inPerson with { Modality = InterpretingModality.Video } };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentInterpreterNeedChanged(Guid.NewGuid(), Monday, byVideo, inPerson), default));

        var released = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.Id == accepted.Value.BookingId));
        Assert.Equal(BookingState.Cancelled, released.State);
        Assert.Equal(RequestState.Cancelled, (await RequestAsync(booking, first.Id)).State);
        var second = await CurrentAsync(booking, planned.AppointmentId);
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(Modality.Video, second.Modality);
        // Mails leave after the commit, from their rows (ADR 0036): send what is due, as the job would.
        await using (var scope = booking.Host.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ICommandHandler<SendInterpreterNotifications, int>>()
                .Handle(new SendInterpreterNotifications(), default)).IsSuccess);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!smtp.Messages().Any(m => m.To == interpreter.UserName && m.Subject.Contains("abgesagt", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(smtp.Messages(), m => m.To == interpreter.UserName && m.Subject.Contains("abgesagt", StringComparison.Ordinal));
        Assert.Contains(await OutboxAsync(booking), t => t.Contains(nameof(Contracts.InterpreterBookingCancelled), StringComparison.Ordinal));

        // Other notes only: the request stays.
        var noted = byVideo with { InterpreterNeed = byVideo.InterpreterNeed! with { Notes = "Eingang B" } };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentInterpreterNeedChanged(Guid.NewGuid(), Monday, noted, byVideo.InterpreterNeed), default));
        Assert.Equal(second.Id, (await CurrentAsync(booking, planned.AppointmentId))!.Id);

        // No interpreter needed any more: cancelled, nothing left open.
        var without = planned with { InterpreterNeed = null };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentInterpreterNeedChanged(Guid.NewGuid(), Monday, without, noted.InterpreterNeed), default));
        Assert.Equal(RequestState.Cancelled, (await RequestAsync(booking, second.Id)).State);
        Assert.Null(await CurrentAsync(booking, planned.AppointmentId));

        // Needed again (Farsi this time): a request as for a newly planned appointment, once even if the event comes twice.
        var farsi = planned with { InterpreterNeed = new InterpreterNeed("fa", null, InterpretingModality.Phone, null, null) };
        var added = new AppointmentInterpreterNeedChanged(Guid.NewGuid(), Monday, farsi, null);
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(added, default));
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(added, default));
        var requests = await booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().Where(r => r.AppointmentId == planned.AppointmentId).ToListAsync());
        var open = Assert.Single(requests, r => r.State != RequestState.Cancelled);
        Assert.Equal("fa", open.Language);
        Assert.Equal(Modality.Phone, open.Modality);
        Assert.Equal(planned.ClientIds, open.ClientIds);

        // Clients changed: later offer rounds check conflicts of interest against the new ones.
        var newClient = Guid.NewGuid();
        var otherClients = farsi with { ClientIds = [newClient] };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentClientsChanged(Guid.NewGuid(), Monday, otherClients, [newClient], planned.ClientIds), default));
        Assert.Equal([newClient], (await RequestAsync(booking, open.Id)).ClientIds);
    }

    private static Task<InterpreterRequest?> CurrentAsync(BookingHost booking, Guid appointment) =>
        booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().Where(r => r.AppointmentId == appointment && r.State != RequestState.Cancelled).SingleOrDefaultAsync());

    private static Task<InterpreterRequest> RequestAsync(BookingHost booking, Guid id) =>
        booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.Id == id));

    private static Task<List<string>> OutboxAsync(BookingHost booking) =>
        booking.WithDbAsync(db => db.OutboxMessages.Select(m => m.Type).ToListAsync());
}
