using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// The portal's hand-written pool reads (<see cref="PortalPoolReader"/>, ADR 0053) against the EF queries they stand for,
/// on both providers: memberships current, ended and someone else's; upcoming jobs booked, waiting for reconfirmation,
/// over, cancelled and someone else's, in two offices and none in a third; invitations open, expired and answered.
/// </summary>
public sealed class PortalPoolReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_memberships_and_their_upcoming_jobs_are_the_EF_queries_rows(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        var quiet = await host.CreateOfficeAsync("Ruhiger Bezirk");
        var left = await host.CreateOfficeAsync("Verlassener Bezirk");
        var me = await host.DemoUserAsync(Roles.Interpreter);
        var other = await host.CreateUserAsync(home, Roles.Interpreter);
        var worker = await host.DemoUserAsync(Roles.Streetworker);

        await booking.WithDbAsync(async db =>
        {
            foreach (var office in new[] { neighbour, quiet, left })
            {
                db.PoolMemberships.Add(new PoolMembership(office, me.Id, Now.AddDays(-40)));
            }

            db.PoolMemberships.Add(new PoolMembership(neighbour, other.Id, Now.AddDays(-10)));
            await db.SaveChangesAsync();
            var ended = await db.PoolMemberships.IgnoreQueryFilters().SingleAsync(m => m.OfficeId == left && m.InterpreterId == me.Id);
            Assert.True(ended.Leave(Now.AddDays(-1)).IsSuccess);

            Booking Add(OfficeId office, UserId interpreter, DateTimeOffset start)
            {
                var request = InterpreterRequest.Create(office, null, [], "ar", null, Modality.Phone, start, start.AddMinutes(60),
                    "Telefon", null, SubjectArea.Health, null, null, worker.Id, worker.Id, BookingPolicy.Default(office), start.AddDays(-30));
                request.Assign(interpreter, start.AddDays(-30));
                var job = new Booking(request, interpreter, start.AddDays(-30));
                db.Requests.Add(request);
                db.Bookings.Add(job);
                return job;
            }

            Add(home, me.Id, Now.AddDays(3));
            Add(neighbour, me.Id, Now.AddDays(1));
            Add(neighbour, me.Id, Now.AddDays(2));
            Add(neighbour, me.Id, Now.AddDays(4)).AskReconfirmation(Now.AddDays(5), Now.AddDays(5).AddHours(1), Modality.Phone);
            Add(neighbour, me.Id, Now.AddMinutes(-30));                                // started, not over: still ahead
            Add(neighbour, me.Id, Now.AddDays(-2));                                    // over
            Add(neighbour, me.Id, Now.AddDays(6)).Cancel("abgesagt", false, Now);      // cancelled
            Add(neighbour, other.Id, Now.AddDays(1));                                  // someone else's
            Add(left, me.Id, Now.AddDays(-5));                                         // the ended membership's past job
            return await db.SaveChangesAsync();
        });

        var (expected, actual) = await booking.WithDbAsync(async db =>
        {
            var upcoming = await UpcomingJobs.Query.Compile()(db, me.Id, Now).ToDictionaryAsync(c => c.OfficeId, c => c.Count);
            var before = (await db.PoolMemberships.IgnoreQueryFilters().AsNoTracking()
                    .Where(m => m.InterpreterId == me.Id && m.LeftAt == null)
                    .ToListAsync())
                .Select(m => new PortalPoolReader.Membership(m.OfficeId, m.Since, m.Version, upcoming.GetValueOrDefault(m.OfficeId)))
                .OrderBy(m => m.OfficeId.Value)
                .ToList();
            var read = await PortalPoolReader.MembershipsAsync(db, me.Id, Now, CancellationToken.None);
            return (before, read.OrderBy(m => m.OfficeId.Value).ToList());
        });

        Assert.Equal(expected, actual);
        var byOffice = actual.ToDictionary(m => m.OfficeId);
        Assert.Equal(4, byOffice[neighbour].UpcomingJobs);
        Assert.Equal(0, byOffice[quiet].UpcomingJobs);
        Assert.False(byOffice.ContainsKey(left));
        Assert.Equal(Now.AddDays(-40), byOffice[quiet].Since);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_open_invitation_is_one_pending_and_not_expired(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var home = await booking.Host.DemoOfficeAsync();
        var worker = await booking.Host.DemoUserAsync(Roles.Streetworker);

        async Task<bool> AnyOpenAsync(DateTimeOffset at) => await booking.WithDbAsync(async db =>
        {
            var read = await PortalPoolReader.AnyOpenInvitationAsync(db, at, CancellationToken.None);
            var before = await db.PoolInvitations.IgnoreQueryFilters().AnyAsync(i => i.State == InvitationState.Pending && i.ExpiresAt > at);
            Assert.Equal(before, read);
            return read;
        });

        Assert.False(await AnyOpenAsync(Now));

        var invitedAt = Now.AddDays(-PoolInvitation.Lifetime.TotalDays).AddHours(1);    // expires in an hour
        await booking.WithDbAsync(async db =>
        {
            db.PoolInvitations.Add(new PoolInvitation(home, "a@example.org", worker.Id, invitedAt));
            var withdrawn = new PoolInvitation(home, "b@example.org", worker.Id, Now.AddDays(-1));
            Assert.True(withdrawn.Withdraw(Now).IsSuccess);
            db.PoolInvitations.Add(withdrawn);
            return await db.SaveChangesAsync();
        });

        Assert.True(await AnyOpenAsync(Now));
        Assert.True(await AnyOpenAsync(Now.AddMinutes(59)));
        Assert.False(await AnyOpenAsync(Now.AddHours(1)));    // expired; the withdrawn one never counts
    }
}
