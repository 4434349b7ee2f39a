using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Notifications;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// SQLite's plans for reads that could otherwise go through an office's whole history: the portal's reads on every visit,
/// leaving a pool, declaring a conflict of interest, finding a client's requests, the notification sweep's redaction. An
/// office has hundreds of thousands of requests, bookings and notifications over the years, and SQLite (which keeps no
/// statistics on a fresh store) takes the office's index as readily as the interpreter's. These reads must go through the
/// interpreter's (or the client's) own rows, or the rows still of interest.
/// </summary>
public sealed class QueryPlanTests
{
    [Fact]
    public async Task The_upcoming_jobs_per_office_are_read_from_the_interpreter_s_bookings_not_the_office_s()
    {
        var plan = await PlanAsync(db => UpcomingJobs.Query.Compile()(db, UserId.New(), DateTimeOffset.UtcNow).ToQueryString());

        Assert.Contains(plan, row => row.Contains("USING INDEX ix_bookings_interpreter_end (interpreter_id=? AND end_at>?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("ix_bookings_office_start", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN b", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_job_list_reads_the_interpreter_s_bookings_that_end_after_the_horizon_only()
    {
        var plan = await PlanAsync(_ => $".param set @me '{Guid.NewGuid()}'\n.param set @horizon '2026-09-01 00:00:00.0000000+00:00'\n{JobListReader.Sql(postgres: false)}");

        // By start, every booking the interpreter ever had would be read and most of them dropped.
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_bookings_interpreter_end (interpreter_id=? AND end_at>?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN b", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_portal_s_memberships_count_the_upcoming_jobs_from_the_interpreter_s_bookings()
    {
        var plan = await PlanAsync(_ => $".param set @me '{Guid.NewGuid()}'\n.param set @now '2026-09-01 00:00:00.0000000+00:00'\n{PortalPoolReader.MembershipsSql(postgres: false)}");

        Assert.Contains(plan, row => row.Contains("USING INDEX ix_bookings_interpreter_end (interpreter_id=? AND end_at>?)", StringComparison.Ordinal));
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_pool_memberships_interpreter (interpreter_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("ix_bookings_office_start", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN b", StringComparison.Ordinal) || row.StartsWith("SCAN m", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaving_a_pool_finds_the_pending_offers_through_the_interpreter_s_offers_not_the_office_s_requests()
    {
        var plan = await PlanAsync(db => PoolLeaving.WithPendingOfferTo(db, OfficeId.New(), UserId.New()).ToQueryString());

        // Through the office's index, every request the office ever made is read, each with a subquery of its own.
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_offers_interpreter_state (interpreter_id=? AND state=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("ix_requests_office_state", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN r", StringComparison.Ordinal) || row.Contains("CORRELATED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declared_conflict_finds_the_jobs_to_withdraw_through_the_interpreter_s_offers_and_bookings()
    {
        var office = OfficeId.New();
        var plan = await PlanAsync(
            db => DeclareConflictHandler.OfferedOrBooked(db, office, UserId.New(), DateTimeOffset.UtcNow).ToQueryString(), TestCurrentUser.Streetworker(office));

        // Asked of the requests, every request of the office is read; by office, every booking of the office.
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_offers_interpreter_state (interpreter_id=? AND state=?)", StringComparison.Ordinal));
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_bookings_interpreter_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("ix_requests_office_state", StringComparison.Ordinal) || row.Contains("ix_bookings_office_start", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_s_requests_are_found_through_the_client_s_rows_not_the_office_s_requests()
    {
        var office = OfficeId.New();
        var plan = await PlanAsync(db => db.RequestsWithClient(Guid.NewGuid()).ToQueryString(), TestCurrentUser.Streetworker(office));

        // A search in the requests' JSON client lists read every request the office ever made (ADR 0056).
        Assert.Contains(plan, row => row.Contains("USING INDEX ix_request_clients_client (client_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.Contains("ix_requests_office_state", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, row => row.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sweep_every_ten_seconds_reads_only_the_notifications_whose_text_is_still_stored()
    {
        var offices = await PlanAsync(db => SendInterpreterNotificationsHandler.Unredacted(db).Select(n => n.OfficeId).Distinct().ToQueryString());
        var office = OfficeId.New();
        var update = await PlanAsync(db => SendInterpreterNotificationsHandler.Unredacted(db).Where(n => n.OfficeId == office).ToQueryString());

        // Without the partial index both read every notification ever sent ("SCAN n"), six times a minute.
        Assert.All(offices.Where(row => row.StartsWith("SCAN n", StringComparison.Ordinal) || row.StartsWith("SEARCH n", StringComparison.Ordinal)),
            row => Assert.Contains("USING INDEX ix_notifications_unredacted", row, StringComparison.Ordinal));
        Assert.Contains(offices, row => row.Contains("ix_notifications_unredacted", StringComparison.Ordinal));
        Assert.Contains(update, row => row.Contains("USING INDEX ix_notifications_unredacted (office_id=?)", StringComparison.Ordinal));
    }

    /// <summary>
    /// SQLite's plan for the statement <paramref name="statement"/> gives, on a freshly migrated store (no statistics); with
    /// <paramref name="user"/>, as that user's office filter has it.
    /// </summary>
    private static async Task<List<string>> PlanAsync(Func<InterpreterBookingDbContext, string> statement, TestCurrentUser? user = null)
    {
        using var folder = new TempDataDirectory();
        var options = new DbContextOptionsBuilder<InterpreterBookingDbContext>();
        options.UseCaseWorkStore(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder.Path }, InterpreterBookingDbContext.StoreDescriptor);
        try
        {
            await using var db = new InterpreterBookingDbContext(options.Options).WithCurrentUser(user);
            await db.Database.MigrateAsync();
            return await SqlitePlans.ExplainAsync(db, statement(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
