using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>No double booking under concurrency: racing accepts each run in their own scope and transaction, as from separate requests or hosts.</summary>
public sealed class DoubleBookingTests
{
    private static readonly DateTimeOffset NextWeek = DateTimeOffset.UtcNow.Date.AddDays(9).AddHours(9);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Fifty_parallel_accepts_of_one_job_make_exactly_one_booking(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var office = await booking.Host.CreateOfficeAsync("Race office");
        var interpreters = await booking.AddInterpretersAsync(office, 50);
        var request = await booking.AddOfferedRequestAsync(office, interpreters, NextWeek);

        var results = await AcceptInParallelAsync(booking, request.Offers.Select(o => o.LinkToken));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
        var (bookings, state, pending, accepted) = await booking.WithDbAsync(async db =>
        {
            var rows = await db.Bookings.IgnoreQueryFilters().Where(b => b.RequestId == request.Id).ToListAsync();
            var stored = await db.Requests.IgnoreQueryFilters().SingleAsync(r => r.Id == request.Id);
            return (rows, stored.State, stored.Offers.Count(o => o.State == OfferState.Pending), stored.Offers.Count(o => o.State == OfferState.Accepted));
        });
        Assert.Single(bookings);
        Assert.Equal(RequestState.Filled, state);
        Assert.Equal(0, pending);
        Assert.Equal(1, accepted);
        Assert.Equal(results.Single(r => r.IsSuccess).Value.BookingId, bookings[0].Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task One_interpreter_accepting_overlapping_jobs_in_parallel_gets_exactly_one(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var office = await booking.Host.CreateOfficeAsync("Overlap office");
        var interpreter = (await booking.AddInterpretersAsync(office, 1)).Single();
        var requests = new List<InterpreterRequest>();
        for (var i = 0; i < 10; i++)
        {
            // Ten in-person jobs 5 minutes apart: each collides with every other (one hour long, 30 minutes travel buffer).
            requests.Add(await booking.AddOfferedRequestAsync(office, [interpreter], NextWeek.AddMinutes(5 * i)));
        }

        var results = await AcceptInParallelAsync(booking, requests.Select(r => r.Offers.Single().LinkToken));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("interpreter-busy", r.Error!.Code));
        var live = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters()
            .Where(b => b.InterpreterId == interpreter.Id && b.State == BookingState.Booked).CountAsync());
        Assert.Equal(1, live);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Accepts_racing_on_three_host_instances_make_one_booking_and_never_overlap(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        CaseWorkHostFactory[] hosts = [booking.Host, await booking.StartAnotherHostAsync(), await booking.StartAnotherHostAsync()];
        var office = await booking.Host.CreateOfficeAsync("Race office");

        // Thirty interpreters race for one job, their accepts spread over three hosts that share nothing but the database.
        var interpreters = await booking.AddInterpretersAsync(office, 30);
        var request = await booking.AddOfferedRequestAsync(office, interpreters, NextWeek);
        var results = await AcceptInParallelAsync(hosts, request.Offers.Select(o => o.LinkToken));
        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
        Assert.Equal(1, await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().CountAsync(b => b.RequestId == request.Id)));

        // One interpreter accepts six overlapping jobs, again spread over the three hosts.
        var busy = (await booking.AddInterpretersAsync(office, 1)).Single();
        var overlapping = new List<InterpreterRequest>();
        for (var i = 0; i < 6; i++)
        {
            overlapping.Add(await booking.AddOfferedRequestAsync(office, [busy], NextWeek.AddDays(1).AddMinutes(5 * i)));
        }

        var accepts = await AcceptInParallelAsync(hosts, overlapping.Select(r => r.Offers.Single().LinkToken));
        Assert.Single(accepts, r => r.IsSuccess);
        Assert.All(accepts.Where(r => !r.IsSuccess), r => Assert.Equal("interpreter-busy", r.Error!.Code));
        Assert.Equal(1, await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters()
            .CountAsync(b => b.InterpreterId == busy.Id && b.State == BookingState.Booked)));
    }

    private static Task<Result<AcceptedOffer>[]> AcceptInParallelAsync(BookingHost booking, IEnumerable<string> tokens) =>
        AcceptInParallelAsync([booking.Host], tokens);

    /// <summary>Each accept in its own scope on one of <paramref name="hosts"/> in turn, all released at once.</summary>
    private static async Task<Result<AcceptedOffer>[]> AcceptInParallelAsync(CaseWorkHostFactory[] hosts, IEnumerable<string> tokens)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = tokens.Select((token, i) => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = hosts[i % hosts.Length].Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler<AcceptOffer, AcceptedOffer>>();
            return await handler.Handle(new AcceptOffer(null, token), CancellationToken.None);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
