using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// The interpreter's job list reads columns, not the booking and request aggregates. These tests hold it to the aggregate
/// read it replaced (bookings of the interpreter ending within 90 days, not cancelled, joined to their requests, ordered by
/// start, cut by each office's detail access days on the booked or recorded end), on both providers.
/// </summary>
public sealed class MyJobsReadTests
{
    private const string Api = "/api/interpreter-booking";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_job_list_shows_exactly_the_jobs_the_aggregate_read_showed(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        var me = await host.DemoUserAsync(Roles.Interpreter);
        var other = await host.CreateUserAsync(home, Roles.Interpreter);
        var worker = await host.DemoUserAsync(Roles.Streetworker);
        var otherWorker = await host.CreateUserAsync(neighbour, Roles.Streetworker, "Kai Nachbar");

        // The home office keeps details 14 days (the default), the neighbour 3.
        await booking.WithDbAsync(async db =>
        {
            db.Policies.Add(new BookingPolicy(neighbour) { DetailAccessDays = 3 });
            return await db.SaveChangesAsync();
        });

        var added = await booking.WithDbAsync(async db =>
        {
            var made = new List<Booking>();
            Booking Add(OfficeId office, UserId interpreter, double days, UserId? contact, string? notes, params Guid[] clients)
            {
                var policy = BookingPolicy.Default(office);
                var start = Now.AddDays(days);
                var request = InterpreterRequest.Create(office, null, clients, "ar", "Levantine", Modality.InPerson, start, start.AddHours(1),
                    $"Raum {made.Count}", null, SubjectArea.Health, null, notes, contact, contact, policy, start.AddDays(-30));
                request.Assign(interpreter, start.AddDays(-30));
                var job = new Booking(request, interpreter, start.AddDays(-30));
                db.Requests.Add(request);
                db.Bookings.Add(job);
                made.Add(job);
                return job;
            }

            var client = Guid.NewGuid();
            Add(home, me.Id, 10, worker.Id, "Bitte klingeln", client, Guid.NewGuid());
            Add(home, me.Id, 1, null, null);
            Add(home, me.Id, -3, worker.Id, null, client);
            Add(home, me.Id, -20, worker.Id, "schon lange her");                  // past the home office's 14 days
            Add(home, me.Id, -100, worker.Id, null);                             // before the 90-day horizon
            Add(home, other.Id, 2, worker.Id, null);                             // someone else's job
            Add(home, me.Id, 5, worker.Id, null).Cancel("abgesagt", false, Now); // cancelled
            var recorded = Add(home, me.Id, -14.5, worker.Id, null);             // visible only through its recorded end
            Assert.True(recorded.Record(recorded.Start, recorded.End.AddDays(1), 10, 5m, Now).IsSuccess);
            Add(neighbour, me.Id, 2, otherWorker.Id, "Nachbar");
            Add(neighbour, me.Id, -2, otherWorker.Id, null);
            Add(neighbour, me.Id, -5, otherWorker.Id, null);                      // past the neighbour's 3 days
            await db.SaveChangesAsync();
            return made;
        });

        // The read the job list used before: whole aggregates, then the domain's visibility rule per booking.
        var expected = await booking.WithDbAsync(async db =>
        {
            var horizon = Now.AddDays(-90);
            var rows = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.InterpreterId == me.Id && b.End >= horizon && b.State != BookingState.Cancelled)
                .Join(db.Requests.IgnoreQueryFilters().IgnoreAutoIncludes(), b => b.RequestId, r => r.Id, (b, r) => new { b, r })
                .OrderBy(x => x.b.Start)
                .ToListAsync();
            var shown = new List<(Guid Booking, Guid Request, string? Place, string? Notes, bool Upcoming, int Clients, bool Contact)>();
            foreach (var x in rows)
            {
                if (x.b.DetailsVisible(Now, await db.PolicyForAsync(x.b.OfficeId, CancellationToken.None)))
                {
                    shown.Add((x.b.Id, x.r.Id, x.r.Place, x.r.Notes, x.b.End >= Now, x.r.ClientIds.Count, x.r.ContactWorkerId is not null));
                }
            }

            return shown;
        });

        using var http = await host.SignedInClientAsync(me);
        var jobs = (await http.GetFromJsonAsync<JsonElement>($"{Api}/jobs")).EnumerateArray().ToList();

        // Six of the test's own jobs (plus whatever the demo office holds for the demo interpreter) and in the same order.
        Assert.Equal(6, expected.Count(e => added.Any(a => a.Id == e.Booking)));
        Assert.Equal(expected.Select(e => e.Booking), jobs.Select(j => j.GetProperty("bookingId").GetGuid()));
        foreach (var (e, j) in expected.Zip(jobs))
        {
            Assert.Equal(e.Request, j.GetProperty("requestId").GetGuid());
            Assert.Equal(e.Place, j.GetProperty("place").GetString());
            Assert.Equal(e.Notes, j.GetProperty("notes").GetString());
            Assert.Equal(e.Upcoming, j.GetProperty("upcoming").GetBoolean());
            // Unknown clients show as "?", none as "–"; the contact is the request's worker, from the office directory.
            Assert.Equal(e.Clients == 0 ? "–" : string.Join(", ", Enumerable.Repeat("?", e.Clients)), j.GetProperty("clientInitials").GetString());
            Assert.Equal(e.Contact, j.GetProperty("contactName").ValueKind == JsonValueKind.String);
        }

        var byId = jobs.ToDictionary(j => j.GetProperty("bookingId").GetGuid());
        Assert.Equal("Kai Nachbar", byId[added[8].Id].GetProperty("contactName").GetString());
        Assert.Equal("Nachbarbezirk", byId[added[8].Id].GetProperty("officeName").GetString());
        Assert.True(byId.ContainsKey(added[7].Id));
        Assert.False(byId.ContainsKey(added[3].Id));
        Assert.False(byId.ContainsKey(added[10].Id));
    }
}
