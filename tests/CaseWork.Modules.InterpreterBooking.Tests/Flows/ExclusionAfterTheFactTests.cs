using System.Net;
using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
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
/// An interpreter who may no longer do a job they were already asked for or booked on loses it: a client who joins the
/// appointment and does not want them (<see cref="AppointmentClientsChanged"/>) releases their booking — they are told, the
/// office is told through <c>InterpreterBookingCancelled</c> — and the pool is asked again without them; a conflict of interest
/// a coordinator declares withdraws the interpreter's pending offer for that client's job and leaves their other jobs alone;
/// so does a client's own "not this interpreter" changed on the case file (<see cref="ClientContactDetailsChanged"/>).
/// On both providers.
/// </summary>
public sealed class ExclusionAfterTheFactTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_joining_client_releases_the_excluded_interpreter_and_a_declared_conflict_withdraws_only_that_job(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Monday);
        var clients = new FakeClientDirectory();
        await using var booking = await BookingHost.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IClientDirectory>(clients);
        });
        var office = await booking.Host.CreateOfficeAsync("Exclusion office");
        var amal = await booking.Host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        var bilal = await booking.Host.CreateUserAsync(office, Roles.Interpreter, "Bilal Karimi");
        await booking.AddProfileAsync(office, amal.Id, "Amal Haddad");
        await booking.AddProfileAsync(office, bilal.Id, "Bilal Karimi");
        var (yara, zaid, newcomer) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        clients.Exclusions[new ClientId(newcomer)] = [amal.Id];

        var start = Monday.AddDays(10).AddHours(1);
        var need = new InterpreterNeed("ar", "Levantine", InterpretingModality.InPerson, null, null);
        var planned = new AppointmentSnapshot(Guid.NewGuid(), office, [yara], [], start, start.AddHours(1), "counselling",
            new AppointmentPlace("address", "Beratungsstelle"), need);
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, planned), default));
        var request = await CurrentAsync(booking, planned.AppointmentId);
        var amalsOffer = Assert.Single(request.Offers, o => o.InterpreterId == amal.Id);
        Assert.True((await booking.SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, amalsOffer.LinkToken))).IsSuccess);

        // A client who does not want Amal joins: her booking ends, she and the office are told, Bilal is asked (a new round).
        var joined = planned with { ClientIds = [yara, newcomer] };
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentClientsChanged(Guid.NewGuid(), Monday, joined, [newcomer], []), default));

        var released = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.InterpreterId == amal.Id));
        Assert.Equal(BookingState.Cancelled, released.State);
        Assert.Equal(ExclusionGuard.Reason, released.CancellationReason);
        Assert.Contains(await NotificationsAsync(booking, amal.Id), n => n == NotificationKind.Cancelled);
        Assert.Contains(await booking.WithDbAsync(db => db.OutboxMessages.Select(m => m.Type).ToListAsync()),
            t => t.Contains(nameof(Contracts.InterpreterBookingCancelled), StringComparison.Ordinal));
        request = await CurrentAsync(booking, planned.AppointmentId);
        Assert.Equal(RequestState.Offered, request.State);
        Assert.Null(request.InterpreterId);
        var pending = Assert.Single(request.PendingOffers);
        Assert.Equal(bilal.Id, pending.InterpreterId);
        Assert.Equal(amalsOffer.Round + 1, pending.Round);

        // The same event again changes nothing more.
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentClientsChanged(Guid.NewGuid(), Monday, joined, [newcomer], []), default));
        Assert.Equal(pending.Id, Assert.Single((await CurrentAsync(booking, planned.AppointmentId)).PendingOffers).Id);

        // Bilal is also asked for another client's appointment; then the coordinator declares his conflict with Yara.
        var other = new AppointmentSnapshot(Guid.NewGuid(), office, [zaid], [], start.AddDays(1), start.AddDays(1).AddHours(1), "counselling",
            new AppointmentPlace("address", "Beratungsstelle"), need);
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, other), default));
        var coordinator = await booking.Host.CreateUserAsync(office, Roles.Streetworker, "Koordination");
        using var worker = await booking.Host.SignedInClientAsync(coordinator);
        using (var declared = await worker.PostAsJsonAsync($"/api/interpreter-booking/pool/{bilal.Id.Value}/conflicts", new { clientId = yara, reason = "Nachbar" }))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        }

        var yarasJob = await CurrentAsync(booking, planned.AppointmentId);
        Assert.Empty(yarasJob.PendingOffers);
        Assert.Equal(OfferState.Withdrawn, yarasJob.Offers.Single(o => o.Id == pending.Id).State);
        var zaidsJob = await CurrentAsync(booking, other.AppointmentId);
        Assert.Contains(zaidsJob.PendingOffers, o => o.InterpreterId == bilal.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_client_who_no_longer_wants_the_booked_interpreter_gets_another_and_other_changes_keep_the_booking(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Monday);
        var clients = new FakeClientDirectory();
        await using var booking = await BookingHost.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IClientDirectory>(clients);
        });
        var office = await booking.Host.CreateOfficeAsync("Preference office");
        var amal = await booking.Host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        var bilal = await booking.Host.CreateUserAsync(office, Roles.Interpreter, "Bilal Karimi");
        await booking.AddProfileAsync(office, amal.Id, "Amal Haddad");
        await booking.AddProfileAsync(office, bilal.Id, "Bilal Karimi");
        var yara = Guid.NewGuid();
        var start = Monday.AddDays(10).AddHours(1);
        var planned = new AppointmentSnapshot(Guid.NewGuid(), office, [yara], [], start, start.AddHours(1), "counselling",
            new AppointmentPlace("address", "Beratungsstelle"), new InterpreterNeed("ar", "Levantine", InterpretingModality.InPerson, null, null));
        await booking.HandleAsync<AppointmentEventHandlers>(h => h.Handle(new AppointmentScheduled(Guid.NewGuid(), Monday, planned), default));
        var offer = Assert.Single((await CurrentAsync(booking, planned.AppointmentId)).Offers, o => o.InterpreterId == amal.Id);
        Assert.True((await booking.SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, offer.LinkToken))).IsSuccess);

        // Her phone number changed, nothing about interpreters: the booking stays.
        await ChangedAsync(booking, office, yara);
        Assert.Equal(RequestState.Filled, (await CurrentAsync(booking, planned.AppointmentId)).State);
        Assert.Equal(BookingState.Booked, (await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync())).State);

        // She no longer wants Amal: Amal's booking ends and Bilal is asked.
        clients.Exclusions[new ClientId(yara)] = [amal.Id];
        await ChangedAsync(booking, office, yara);
        Assert.Equal(BookingState.Cancelled, (await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync())).State);
        var request = await CurrentAsync(booking, planned.AppointmentId);
        Assert.Equal(RequestState.Offered, request.State);
        Assert.Equal(bilal.Id, Assert.Single(request.PendingOffers).InterpreterId);

        // Bilal takes the job; then the office declares his conflict of interest with Yara: his booking ends too.
        Assert.True((await booking.SendAsync<AcceptOffer, AcceptedOffer>(new AcceptOffer(null, Assert.Single(request.PendingOffers).LinkToken))).IsSuccess);
        Assert.Equal(RequestState.Filled, (await CurrentAsync(booking, planned.AppointmentId)).State);
        using var worker = await booking.Host.SignedInClientAsync(await booking.Host.CreateUserAsync(office, Roles.Streetworker, "Koordination"));
        using (var declared = await worker.PostAsJsonAsync($"/api/interpreter-booking/pool/{bilal.Id.Value}/conflicts", new { clientId = yara, reason = "Nachbar" }))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        }

        Assert.Equal(BookingState.Cancelled, (await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.InterpreterId == bilal.Id))).State);
        var withoutBilal = await CurrentAsync(booking, planned.AppointmentId);
        Assert.NotEqual(RequestState.Filled, withoutBilal.State);
        Assert.Null(withoutBilal.InterpreterId);
    }

    private static Task ChangedAsync(BookingHost booking, OfficeId office, Guid client) =>
        booking.HandleAsync<ClientPreferencesHandler>(h => h.Handle(new ClientContactDetailsChanged(Guid.NewGuid(), Monday, office, new ClientId(client)), default));

    private static Task<List<NotificationKind>> NotificationsAsync(BookingHost booking, UserId interpreter) =>
        booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.InterpreterId == interpreter).Select(n => n.Kind).ToListAsync());

    private static Task<InterpreterRequest> CurrentAsync(BookingHost booking, Guid appointment) =>
        booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().Where(r => r.AppointmentId == appointment && r.State != RequestState.Cancelled).SingleAsync());
}
