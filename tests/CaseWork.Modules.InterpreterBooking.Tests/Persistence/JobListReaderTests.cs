using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// The job list's hand-written SQL (<see cref="JobListReader"/>, ADR 0041) against the EF query it replaced, column by
/// column and in the same order, on both providers: jobs with and without clients, dialect, place, notes, contact and
/// recorded end, booked, recorded and cancelled jobs, two offices (one with a stored policy, one without), another
/// interpreter's jobs, jobs before the horizon, and two jobs starting at the same instant (ties by booking id).
/// </summary>
public sealed class JobListReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_reader_returns_the_EF_query_s_rows_in_its_order(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        var me = await host.DemoUserAsync(Roles.Interpreter);
        var other = await host.CreateUserAsync(home, Roles.Interpreter);
        var worker = await host.DemoUserAsync(Roles.Streetworker);

        await booking.WithDbAsync(async db =>
        {
            db.Policies.Add(new BookingPolicy(neighbour) { DetailAccessDays = 3 });
            return await db.SaveChangesAsync();
        });

        var added = await booking.WithDbAsync(async db =>
        {
            var made = new List<Booking>();
            Booking Add(OfficeId office, UserId interpreter, DateTimeOffset start, string? dialect, string? place, string? notes, UserId? contact, params Guid[] clients)
            {
                var request = InterpreterRequest.Create(office, null, clients, "ar", dialect, Modality.InPerson, start, start.AddMinutes(90),
                    place, "Neukölln", SubjectArea.Housing, null, notes, contact, contact, BookingPolicy.Default(office), start.AddDays(-30));
                request.Assign(interpreter, start.AddDays(-30));
                var job = new Booking(request, interpreter, start.AddDays(-30));
                db.Requests.Add(request);
                db.Bookings.Add(job);
                made.Add(job);
                return job;
            }

            Add(home, me.Id, Now.AddDays(10), "Levantine", "Raum 1", "Bitte klingeln", worker.Id, Guid.NewGuid(), Guid.NewGuid());
            Add(home, me.Id, Now.AddDays(2), null, null, null, null);
            Add(home, me.Id, Now.AddDays(2), "Iraqi", "Telefon", null, worker.Id, Guid.NewGuid());      // same start: ties by id
            Add(home, me.Id, Now.AddDays(-3).AddTicks(1234567), null, "Raum 2", null, worker.Id);        // sub-second start
            Add(home, me.Id, Now.AddDays(-120), null, "Raum 3", null, worker.Id);                         // before the horizon
            Add(home, other.Id, Now.AddDays(4), null, "Raum 4", null, worker.Id);                         // someone else's
            Add(home, me.Id, Now.AddDays(5), null, "Raum 5", null, worker.Id).Cancel("abgesagt", false, Now); // cancelled
            var recorded = Add(home, me.Id, Now.AddDays(-20), null, "Raum 6", null, worker.Id);
            Assert.True(recorded.Record(recorded.Start, recorded.End.AddMinutes(30), 10, 5m, Now).IsSuccess);
            Add(neighbour, me.Id, Now.AddDays(1), "Levantine", "Nachbar", "mit Policy", worker.Id, Guid.NewGuid());
            Add(neighbour, me.Id, Now.AddDays(-60), null, null, null, worker.Id);
            await db.SaveChangesAsync();
            return made;
        });

        var horizon = Now.AddDays(-90);
        var (expected, actual) = await booking.WithDbAsync(async db =>
        {
            // The statement the job list ran before (ADR 0039's compiled query), ties ordered by booking id.
            var before = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.InterpreterId == me.Id && b.End >= horizon && b.State != BookingState.Cancelled)
                .Join(db.Requests.IgnoreQueryFilters().IgnoreAutoIncludes(), b => b.RequestId, r => r.Id, (b, r) => new { b, r })
                .OrderBy(x => x.b.Start).ThenBy(x => x.b.Id)
                .Select(x => new JobRow(
                    x.b.Id, x.r.Id, x.b.OfficeId, x.b.Start, x.b.End, x.b.ActualEnd, x.b.Language, x.b.Dialect, x.b.Modality, x.r.SubjectArea, x.r.Place,
                    x.r.Notes, x.r.ClientIds, x.r.ContactWorkerId, x.b.State, x.b.ConfirmationCode,
                    db.Policies.IgnoreQueryFilters().Where(p => p.OfficeId == x.b.OfficeId).Select(p => (int?)p.DetailAccessDays).FirstOrDefault()))
                .ToListAsync();
            return (before, await JobListReader.ReadAsync(db, me.Id, horizon, CancellationToken.None));
        });

        // Seven of the test's own (plus whatever the demo office holds for the demo interpreter), all columns alike.
        Assert.Equal(7, expected.Count(e => added.Any(a => a.Id == e.BookingId)));
        Assert.Equal(expected.Select(e => e.BookingId), actual.Select(a => a.BookingId));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e with { ClientIds = Array.Empty<Guid>() }, a with { ClientIds = Array.Empty<Guid>() });
            Assert.Equal(e.ClientIds, a.ClientIds);
        }

        var byId = actual.ToDictionary(a => a.BookingId);
        Assert.Equal(3, byId[added[8].Id].DetailAccessDays);
        Assert.Null(byId[added[0].Id].DetailAccessDays);
        Assert.Equal(2, byId[added[0].Id].ClientIds.Count);
        Assert.NotNull(byId[added[7].Id].ActualEnd);
        Assert.Null(byId[added[1].Id].ContactWorkerId);
        Assert.False(byId.ContainsKey(added[4].Id));
        Assert.False(byId.ContainsKey(added[5].Id));
        Assert.False(byId.ContainsKey(added[6].Id));
    }
}
