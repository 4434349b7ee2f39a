using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>The bounded read of what keeps an interpreter busy (ADR 0050) finds exactly the live bookings overlapping a period.</summary>
public sealed class BusyBookingsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_live_booking_overlapping_the_period_is_found_even_the_longest_and_nothing_else(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var office = await booking.Host.CreateOfficeAsync("Busy office");
        var interpreter = (await booking.AddInterpretersAsync(office, 1)).Single().Id;
        var from = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(20).AddHours(8);
        var to = from.AddHours(4);
        var day = InterpreterRequest.LongestDuration;
        var minute = TimeSpan.FromMinutes(1);

        var jobs = new Dictionary<string, (DateTimeOffset Start, DateTimeOffset End, bool Cancelled)>
        {
            ["a whole day, ending a minute into the period"] = (from - day + minute, from + minute, false),
            ["a whole day, starting a minute before the period ends"] = (to - minute, to - minute + day, false),
            ["inside"] = (from.AddHours(1), from.AddHours(2), false),
            ["around"] = (from - minute, to + minute, false),
            ["ending as the period starts"] = (from - day, from, false),
            ["starting as the period ends"] = (to, to + day, false),
            ["inside but cancelled"] = (from.AddHours(1), from.AddHours(2), true),
        };
        var ids = await booking.WithDbAsync(async db =>
        {
            var policy = BookingPolicy.Default(office);
            var made = new Dictionary<Guid, string>();
            foreach (var (name, job) in jobs)
            {
                var request = InterpreterRequest.Create(office, null, [], "ar", null, Modality.Phone, job.Start, job.End, null, null, SubjectArea.Other,
                    null, null, null, null, policy, from.AddDays(-10));
                request.Assign(interpreter, from.AddDays(-10));
                var booked = new Booking(request, interpreter, from.AddDays(-10));
                if (job.Cancelled)
                {
                    booked.Cancel("test", billable: false, from.AddDays(-9));
                }

                db.Requests.Add(request);
                db.Bookings.Add(booked);
                made[booked.Id] = name;
            }

            await db.SaveChangesAsync();
            return made;
        });

        var found = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters()
            .Where(b => b.InterpreterId == interpreter).LiveOverlapping(from, to).Select(b => b.Id).ToListAsync());
        // Matching's compiled statement writes the same condition out: it must find the same jobs.
        var matched = await booking.WithDbAsync(async db =>
        {
            var rows = await BusyBookings.CandidatesAsync(db, office, "|ar|", Modalities.Phone, from, to).ToListAsync();
            var requests = rows.Where(r => r.Busy is not null).Select(r => r.Busy!.RequestId).ToHashSet();
            return await db.Bookings.IgnoreQueryFilters().Where(b => requests.Contains(b.RequestId)).Select(b => b.Id).ToListAsync();
        });

        string[] expected = ["a whole day, ending a minute into the period", "a whole day, starting a minute before the period ends", "around", "inside"];
        Assert.Equal(expected, found.Select(id => ids[id]).Order(StringComparer.Ordinal));
        Assert.Equal(expected, matched.Select(id => ids[id]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Matching_counts_every_job_a_candidate_has_that_day(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var office = await booking.Host.CreateOfficeAsync("Daily office");
        var pool = await booking.AddInterpretersAsync(office, 3);
        var policy = BookingPolicy.Default(office);
        var morning = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(20).AddHours(6);
        var request = await booking.WithDbAsync(async db =>
        {
            // Two phone jobs that day for the first, one for the second, none for the third; a daily maximum of two for all.
            foreach (var (interpreter, jobs) in new[] { (pool[0], 2), (pool[1], 1) })
            {
                for (var j = 0; j < jobs; j++)
                {
                    var job = InterpreterRequest.Create(office, null, [], "ar", null, Modality.Phone, morning.AddHours(2 * j), morning.AddHours(2 * j + 1),
                        null, null, SubjectArea.Other, null, null, null, null, policy, morning.AddDays(-10));
                    job.Assign(interpreter.Id, morning.AddDays(-10));
                    db.Requests.Add(job);
                    db.Bookings.Add(new Booking(job, interpreter.Id, morning.AddDays(-10)));
                }
            }

            foreach (var profile in await db.Interpreters.Where(p => pool.Select(m => m.Id).Contains(p.Id)).ToListAsync())
            {
                profile.DailyMaximum = 2;
            }

            var asked = InterpreterRequest.Create(office, null, [], "ar", null, Modality.Phone, morning.AddHours(6), morning.AddHours(7), null, null,
                SubjectArea.Other, null, null, null, null, policy, morning.AddDays(-5));
            db.Requests.Add(asked);
            await db.SaveChangesAsync();
            return asked;
        });

        await using var scope = booking.Host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<OfferRound>().MatchAsync(request, policy, CancellationToken.None);

        Assert.Equal([pool[1].Id, pool[2].Id], report.Ranked.Select(r => r.InterpreterId));
        var full = Assert.Single(report.Rejected);
        Assert.Equal(pool[0].Id, full.InterpreterId);
        Assert.Equal([MismatchReason.DailyMaximum], full.Reasons);
    }
}
