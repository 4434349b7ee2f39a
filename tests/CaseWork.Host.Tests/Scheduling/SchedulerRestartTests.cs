using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>The embedded default: the schedule lives in <c>scheduler.db</c> and survives a restart of the host.</summary>
public sealed class SchedulerRestartTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_job_scheduled_before_a_restart_runs_after_it()
    {
        using var data = new TempDataDirectory();
        var database = TestDatabases.Sqlite(data.Path);
        var job = JobBuilder.Create<RecordingJob>().WithIdentity("scheduled-before-restart", "Tests").Build();

        var before = new JobRunLog();
        await using (var first = SchedulerHosts.Create(database, before))
        {
            var scheduler = await SchedulerHosts.StartAsync(first);
            // Standby before scheduling a trigger that is already due: it cannot run in this host, whatever the timing.
            await scheduler.Standby();
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity("scheduled-before-restart", "Tests").StartNow().Build());
        }

        var file = Path.Combine(data.Path, "scheduler.db");
        Assert.True(File.Exists(file), "the schedule is kept in scheduler.db in the data directory");
        Assert.Equal("wal", await JournalModeAsync(file));
        Assert.Empty(before.Runs);

        var after = new JobRunLog();
        await using var second = SchedulerHosts.Create(database, after);
        await SchedulerHosts.StartAsync(second);
        await Eventually.HoldsAsync(() => after.Count("Tests.scheduled-before-restart") == 1, RunTimeout, () => $"runs after restart: {after.Runs.Count}");
    }

    private static async Task<string?> JournalModeAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA journal_mode;", connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_restart_leaves_a_module_jobs_trigger_as_it_was()
    {
        using var data = new TempDataDirectory();
        var database = TestDatabases.Sqlite(data.Path);
        var hourly = new TriggerKey("hourly-sweep", "Tests");
        var daily = new TriggerKey("daily-sweep", "Tests");
        void Jobs(IQuartzBuilder quartz) => quartz
            .AddModuleJob<RecordingJob>("Tests", "hourly-sweep", JobSchedule.Every(TimeSpan.FromHours(1)))
            .AddModuleJob<RecordingJob>("Tests", "daily-sweep", JobSchedule.Cron("0 30 2 * * ?", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

        DateTimeOffset? hourlyBefore;
        await using (var first = SchedulerHosts.Create(database, new JobRunLog(), Jobs))
        {
            var scheduler = await SchedulerHosts.StartAsync(first);
            hourlyBefore = (await scheduler.GetTrigger(hourly))?.NextFireTimeUtc;
            Assert.NotNull(hourlyBefore);
            // As an operator would, e.g. while a partner's mail server is down.
            await scheduler.PauseTrigger(daily);
        }

        await using var second = SchedulerHosts.Create(database, new JobRunLog(), Jobs);
        var restarted = await SchedulerHosts.StartAsync(second);
        var job = await restarted.GetJobDetail(new JobKey("hourly-sweep", "Tests"));
        Assert.NotNull(job);
        Assert.True(job.Durable);
        Assert.Equal(hourlyBefore, (await restarted.GetTrigger(hourly))?.NextFireTimeUtc);
        Assert.Equal(TriggerState.Paused, await restarted.GetTriggerState(daily));
    }

    [Fact]
    public async Task A_restart_with_a_changed_schedule_replaces_the_trigger()
    {
        using var data = new TempDataDirectory();
        var database = TestDatabases.Sqlite(data.Path);
        var triggerKey = new TriggerKey("sweep", "Tests");

        DateTimeOffset? hourly;
        await using (var first = SchedulerHosts.Create(database, new JobRunLog(), q => q.AddModuleJob<RecordingJob>("Tests", "sweep", JobSchedule.Every(TimeSpan.FromHours(1)))))
        {
            var scheduler = await SchedulerHosts.StartAsync(first);
            hourly = (await scheduler.GetTrigger(triggerKey))?.NextFireTimeUtc;
        }

        var daily = JobSchedule.Every(TimeSpan.FromDays(1));
        await using var second = SchedulerHosts.Create(database, new JobRunLog(), q => q.AddModuleJob<RecordingJob>("Tests", "sweep", daily));
        var restarted = await SchedulerHosts.StartAsync(second);
        var trigger = await restarted.GetTrigger(triggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(daily.Fingerprint, trigger.Description);
        Assert.True(trigger.NextFireTimeUtc > hourly + TimeSpan.FromHours(12), $"next run {trigger.NextFireTimeUtc:o}, was {hourly:o}");
    }

    [Fact]
    public async Task A_module_trigger_left_in_the_error_state_runs_again_after_a_restart()
    {
        using var data = new TempDataDirectory();
        var database = TestDatabases.Sqlite(data.Path);
        var triggerKey = new TriggerKey("needs-a-service", "Tests");
        void Jobs(IQuartzBuilder quartz) => quartz.AddModuleJob<JobNeedingAService>("Tests", "needs-a-service", JobSchedule.Every(TimeSpan.FromSeconds(1)));

        // First start: the job's dependency is missing (as when a module forgets a registration), so its run cannot be built.
        await using (var broken = SchedulerHosts.Create(database, new JobRunLog(), Jobs))
        {
            var scheduler = await SchedulerHosts.StartAsync(broken);
            await Eventually.HoldsAsync(
                async () => await scheduler.GetTriggerState(triggerKey) == TriggerState.Error,
                RunTimeout,
                () => "the trigger of a job that cannot be built did not go to the error state");
        }

        // Fixed and restarted: the trigger is reset at start instead of staying silent for ever.
        var log = new JobRunLog();
        await using var fixedHost = new CaseWorkHostFactory(database)
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton(log);
                services.AddSingleton<TheService>();
                services.AddQuartz(Jobs);
            },
        };
        await SchedulerHosts.StartAsync(fixedHost);
        await Eventually.HoldsAsync(() => log.Count("Tests.needs-a-service") >= 1, RunTimeout, () => "the repaired job did not run");
    }
}

/// <summary>A service a job depends on and the first host does not register.</summary>
internal sealed class TheService;

internal sealed class JobNeedingAService(JobRunLog log, TheService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        GC.KeepAlive(service);
        await log.RecordAsync(context, TimeSpan.Zero, cancellationToken);
    }
}
