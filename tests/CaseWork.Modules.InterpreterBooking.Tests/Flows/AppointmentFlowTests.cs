using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Escalation;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>
/// Appointment events (published here by calling the handlers, as the outbox dispatcher would), offer tiers and deadlines, and
/// anonymisation, on a real host with a fake clock and a fake client directory.
/// </summary>
public sealed class AppointmentFlowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly FakeClientDirectory _clients = new();
    private BookingHost _booking = null!;

    public async Task InitializeAsync() =>
        _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<IClientDirectory>(_clients);
        });

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    [Fact]
    public async Task Scheduled_rescheduled_and_late_cancelled_appointment_books_asks_to_reconfirm_and_bills_the_cancellation()
    {
        var office = await _booking.Host.DemoOfficeAsync();
        var demo = await _booking.Host.DemoUserAsync(Roles.Interpreter);
        var excluded = (await _booking.AddInterpretersAsync(office, 1)).Single();
        var client = ClientId.New();
        _clients.Exclusions[client] = [excluded.Id];
        var start = Monday.AddDays(10).AddHours(1);
        var appointment = Snapshot(office, client, start);

        await PublishAsync(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, appointment), default));

        var request = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.AppointmentId == appointment.AppointmentId));
        Assert.Equal(RequestState.Offered, request.State);
        Assert.Equal([demo.Id], request.Offers.Select(o => o.InterpreterId));

        var accepted = await SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, request.Offers.Single().LinkToken));
        Assert.True(accepted.IsSuccess);

        var moved = appointment with { Start = start.AddHours(2), End = start.AddHours(3) };
        await PublishAsync(h => h.Handle(new AppointmentRescheduled(Guid.NewGuid(), Monday, moved, start, start.AddHours(1)), default));
        var booking = await _booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.RequestId == request.Id));
        Assert.Equal(BookingState.AwaitingReconfirmation, booking.State);
        Assert.Equal(start.AddHours(2), booking.Start);

        _clock.SetUtcNow(start.AddHours(-3));
        await PublishAsync(h => h.Handle(new AppointmentCancelled(Guid.NewGuid(), _clock.GetUtcNow(), moved, "client", "ill"), default));

        booking = await _booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.RequestId == request.Id));
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.True(booking.Billable);
        var outbox = await _booking.WithDbAsync(db => db.OutboxMessages.Select(m => m.Type).ToListAsync());
        Assert.Contains(outbox, t => t.Contains("InterpreterBooked", StringComparison.Ordinal));
        Assert.Contains(outbox, t => t.Contains("InterpreterBookingCancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancellation_more_than_a_day_ahead_is_not_billable()
    {
        var office = await _booking.Host.DemoOfficeAsync();
        var appointment = Snapshot(office, ClientId.New(), Monday.AddDays(10));
        await PublishAsync(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, appointment), default));
        var request = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.AppointmentId == appointment.AppointmentId));
        await SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, request.Offers.Single().LinkToken));

        await PublishAsync(h => h.Handle(new AppointmentCancelled(Guid.NewGuid(), Monday, appointment, "office", null), default));

        var booking = await _booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.RequestId == request.Id));
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.False(booking.Billable);
        Assert.Null(booking.ActiveRequestId);
    }

    [Fact]
    public async Task The_next_tier_is_asked_after_the_window_and_the_request_is_given_up_at_the_deadline()
    {
        var office = await _booking.Host.CreateOfficeAsync("Tier office");
        var pool = await _booking.AddInterpretersAsync(office, 5);
        var appointment = Snapshot(office, ClientId.New(), Monday.AddDays(10));
        await PublishAsync(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, appointment), default));
        Task<InterpreterRequest> Load() => _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.AppointmentId == appointment.AppointmentId));
        Assert.Equal(3, (await Load()).Offers.Count);

        // The host's own scheduler may run the same sweep when the clock moves; either run may do the work, so the test
        // sweeps until one run succeeds and then looks at the request.
        _clock.Advance(TimeSpan.FromMinutes(119));
        await SweepAsync();
        Assert.Equal(3, (await Load()).Offers.Count);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        var request = await Load();
        Assert.Equal(5, request.Offers.Count);
        Assert.Equal(2, request.CurrentTier);
        Assert.Equal(pool.Select(p => p.Id.Value).Order(), request.Offers.Select(o => o.InterpreterId.Value).Order());

        _clock.SetUtcNow(request.Deadline);
        await SweepAsync();
        request = await Load();
        Assert.Equal(RequestState.Unfilled, request.State);
        Assert.All(request.Offers, o => Assert.Equal(OfferState.Expired, o.State));
        var unavailable = await _booking.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("InterpreterUnavailable")).Select(m => m.Content).ToListAsync());
        Assert.Contains("phone or video", Assert.Single(unavailable, c => c.Contains(request.Id.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymised_client_is_forgotten_but_the_request_still_counts()
    {
        var office = await _booking.Host.DemoOfficeAsync();
        var client = ClientId.New();
        var appointment = Snapshot(office, client, Monday.AddDays(10));
        await PublishAsync(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, appointment), default));

        await using (var scope = _booking.Host.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<ClientAnonymisedHandler>();
            await handler.Handle(new ClientAnonymised(Guid.NewGuid(), Monday, office, client, "retention"), default);
            await scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>().SaveChangesAsync();
        }

        var request = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.AppointmentId == appointment.AppointmentId));
        Assert.Empty(request.ClientIds);
        Assert.Equal(RequestState.Offered, request.State);
    }

    private async Task SweepAsync()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if ((await SendAsync<EscalateOffers, EscalationOutcome>(new EscalateOffers())).IsSuccess)
            {
                return;
            }
        }

        Assert.Fail("The escalation sweep kept conflicting.");
    }

    private static AppointmentSnapshot Snapshot(OfficeId office, ClientId client, DateTimeOffset start) =>
        new(Guid.NewGuid(), office, [client.Value], [], start, start.AddHours(1), "counselling", new AppointmentPlace("office_room", "Raum 2"),
            new InterpreterNeed("ar", "Levantine", InterpretingModality.InPerson, null, "bitte pünktlich"));

    private async Task PublishAsync(Func<AppointmentEventHandlers, Task> publish)
    {
        await using var scope = _booking.Host.Services.CreateAsyncScope();
        await publish(scope.ServiceProvider.GetRequiredService<AppointmentEventHandlers>());
        await scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>().SaveChangesAsync();
    }

    private async Task<BuildingBlocks.Results.Result<TValue>> SendAsync<TCommand, TValue>(TCommand command)
        where TCommand : ICommand<TValue>
    {
        await using var scope = _booking.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TValue>>().Handle(command, default);
    }
}
