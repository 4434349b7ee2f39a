using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.TestKit;
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

        Assert.True(File.Exists(Path.Combine(data.Path, "scheduler.db")), "the schedule is kept in scheduler.db in the data directory");
        Assert.Empty(before.Runs);

        var after = new JobRunLog();
        await using var second = SchedulerHosts.Create(database, after);
        await SchedulerHosts.StartAsync(second);
        await Eventually.HoldsAsync(() => after.Count("Tests.scheduled-before-restart") == 1, RunTimeout, () => $"runs after restart: {after.Runs.Count}");
    }

    [Fact]
    public async Task A_restart_keeps_a_module_jobs_next_run_where_it_was()
    {
        using var data = new TempDataDirectory();
        var database = TestDatabases.Sqlite(data.Path);
        var triggerKey = new TriggerKey("hourly-sweep", "Tests");
        void Jobs(IQuartzBuilder quartz) => quartz.AddModuleJob<RecordingJob>("Tests", "hourly-sweep", JobSchedule.Every(TimeSpan.FromHours(1)));

        DateTimeOffset? nextRunBefore;
        await using (var first = SchedulerHosts.Create(database, new JobRunLog(), Jobs))
        {
            var scheduler = await SchedulerHosts.StartAsync(first);
            nextRunBefore = (await scheduler.GetTrigger(triggerKey))?.NextFireTimeUtc;
            Assert.NotNull(nextRunBefore);
        }

        await using var second = SchedulerHosts.Create(database, new JobRunLog(), Jobs);
        var restarted = await SchedulerHosts.StartAsync(second);
        var job = await restarted.GetJobDetail(new JobKey("hourly-sweep", "Tests"));
        Assert.NotNull(job);
        Assert.True(job.Durable);
        Assert.Equal(nextRunBefore, (await restarted.GetTrigger(triggerKey))?.NextFireTimeUtc);
    }
}
