using CaseWork.TestKit;
using Npgsql;
using Quartz;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>Server mode: several host instances on one PostgreSQL database share one clustered schedule.</summary>
public sealed class SchedulerClusterTests
{
    private const int RunsToObserve = 8;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_recurring_job_that_disallows_concurrency_never_runs_on_two_instances_at_once()
    {
        var log = await RunOnTwoInstancesAsync<ExclusiveSlowJob>("exclusive");

        Assert.Equal(1, log.MaxInFlight);
        var runs = log.Runs.OrderBy(r => r.Started).ToList();
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].Started >= runs[i - 1].Finished, $"run {i} on {runs[i].InstanceId} started before run {i - 1} on {runs[i - 1].InstanceId} finished");
        }

        Assert.Equal(2, runs.Select(r => r.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task Without_the_attribute_the_same_schedule_does_overlap()
    {
        // The canary of the test above: its trigger fires faster than the job runs, so only the attribute keeps runs apart.
        var log = await RunOnTwoInstancesAsync<ConcurrentSlowJob>("concurrent");

        Assert.True(log.MaxInFlight > 1, "runs of a job without [DisallowConcurrentExecution] overlapped");
    }

    [Fact]
    public async Task The_scheduler_tables_live_in_their_own_schema()
    {
        await using var database = await TestDatabases.CreatePostgresAsync("sched_schema");
        await using var host = SchedulerHosts.Create(TestDatabases.Postgres(database.ConnectionString), new JobRunLog());
        var scheduler = await SchedulerHosts.StartAsync(host);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema, count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%' GROUP BY table_schema", connection);
        var tablesBySchema = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tablesBySchema[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        Assert.Equal(["scheduler"], tablesBySchema.Keys);
        Assert.True(tablesBySchema["scheduler"] >= 11, $"{tablesBySchema["scheduler"]} Quartz tables in schema scheduler");
        Assert.NotEqual("NON_CLUSTERED", scheduler.SchedulerInstanceId);
    }

    private static async Task<JobRunLog> RunOnTwoInstancesAsync<TJob>(string name)
        where TJob : SlowJob
    {
        await using var database = await TestDatabases.CreatePostgresAsync("sched_cluster");
        var options = TestDatabases.Postgres(database.ConnectionString);
        var log = new JobRunLog();
        var jobKey = new JobKey(name, "Tests");

        // A fixed-rate trigger several times faster than the job: runs would pile up if nothing held them apart.
        void Jobs(IQuartzBuilder quartz)
        {
            quartz.AddJob<TJob>(job => job.WithIdentity(jobKey).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(name, "Tests")
                .ForJob(jobKey)
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMilliseconds(100)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        }

        await using var first = SchedulerHosts.Create(options, log, Jobs, SchedulerHosts.FastCluster());
        await using var second = SchedulerHosts.Create(options, log, Jobs, SchedulerHosts.FastCluster());
        var schedulers = await Task.WhenAll(SchedulerHosts.StartAsync(first), SchedulerHosts.StartAsync(second));
        Assert.NotEqual(schedulers[0].SchedulerInstanceId, schedulers[1].SchedulerInstanceId);

        // Both instances compete for the trigger; the one that just ran it usually wins the next round too. Halfway, that one
        // goes to standby, so the rest of the schedule must be carried on by the other instance, and the handover is observed.
        await WaitForRunsAsync(log, jobKey, RunsToObserve / 2);
        var busiest = schedulers.MaxBy(s => log.Runs.Count(r => r.InstanceId == s.SchedulerInstanceId))!;
        await busiest.Standby();
        var other = schedulers.Single(s => s != busiest).SchedulerInstanceId;
        await WaitForRunsAsync(log, jobKey, RunsToObserve, r => r.InstanceId == other);

        // Stop firing before the hosts go, so the runs asserted on are complete ones.
        foreach (var scheduler in schedulers)
        {
            await scheduler.PauseJob(jobKey);
        }

        return log;
    }

    private static Task WaitForRunsAsync(JobRunLog log, JobKey job, int count, Func<JobRun, bool>? onInstance = null) =>
        Eventually.HoldsAsync(
            () => log.Count(job.ToString()) >= count && (onInstance is null || log.Runs.Any(onInstance)),
            RunTimeout,
            () => $"{log.Count(job.ToString())} of {count} runs, on instances {string.Join(", ", log.Runs.Select(r => r.InstanceId).Distinct())}");
}
