using System.Collections.Concurrent;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>The building block modules use to contribute thin jobs: one call to add, one command per run.</summary>
public sealed class ModuleJobTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_module_command_job_dispatches_its_command_in_a_fresh_scope_per_run_and_logs_a_failed_result()
    {
        using var data = new TempDataDirectory();
        var commands = new SweepLog();
        var logs = new CapturedLogs();
        await using var host = new CaseWorkHostFactory(TestDatabases.Sqlite(data.Path))
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton(commands);
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddScoped<RunScope>();
                services.AddScoped<ICommandHandler<SweepCommand, int>, SweepHandler>();
                services.AddQuartz(quartz => quartz.AddModuleJob<SweepJob>("Tests", "sweep", JobSchedule.Every(TimeSpan.FromSeconds(1))));
            },
        };
        var scheduler = await SchedulerHosts.StartAsync(host);

        var job = await scheduler.GetJobDetail(new JobKey("sweep", "Tests"));
        Assert.NotNull(job);
        Assert.True(job.Durable);
        Assert.True(job.RequestsRecovery);
        var trigger = await scheduler.GetTrigger(new TriggerKey("sweep", "Tests"));
        Assert.Equal("Tests", trigger?.ExecutionGroup);

        // The handler fails its first command and succeeds afterwards: the schedule carries on after a failed result.
        await Eventually.HoldsAsync(() => commands.Scopes.Count >= 2, RunTimeout, () => $"{commands.Scopes.Count} commands handled");
        Assert.Equal(commands.Scopes.Count, commands.Scopes.Distinct().Count());
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(SweepJob).FullName && e.Message.Contains("Conflict", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instance_with_a_module_switched_off_leaves_that_modules_jobs_alone()
    {
        using var data = new TempDataDirectory();
        var log = new JobRunLog();
        await using var host = SchedulerHosts.Create(TestDatabases.Sqlite(data.Path), log, settings: new Dictionary<string, string?> { ["Modules:Referrals:Enabled"] = "false" });
        var scheduler = await SchedulerHosts.StartAsync(host);

        // Both are due at once; the switched-off module's one is scheduled first and with the higher priority, so it would
        // run no later than the other one if this instance took it.
        await ScheduleNowAsync(scheduler, "of-switched-off-module", executionGroup: "Referrals", priority: 10);
        await ScheduleNowAsync(scheduler, "of-running-module", executionGroup: "Clients", priority: 1);

        await Eventually.HoldsAsync(() => log.Count("Tests.of-running-module") == 1, RunTimeout, () => "the running module's job did not run");
        Assert.Equal(0, log.Count("Tests.of-switched-off-module"));
        var waiting = await scheduler.GetTrigger(new TriggerKey("of-switched-off-module", "Tests"));
        Assert.Null(waiting?.PreviousFireTimeUtc);
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(new TriggerKey("of-switched-off-module", "Tests")));
    }

    [Fact]
    public void A_job_name_is_added_once_per_module()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddQuartz(quartz => quartz
            .AddModuleJob<RecordingJob>("Tests", "twice", JobSchedule.Every(TimeSpan.FromMinutes(1)))
            .AddModuleJob<RecordingJob>("Tests", "twice", JobSchedule.Every(TimeSpan.FromMinutes(5)))));
        Assert.Contains("Tests.twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_that_cannot_work_is_refused_when_the_job_is_added()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.Every(TimeSpan.FromMilliseconds(500)));
        var cron = Assert.Throws<ArgumentException>(() => JobSchedule.Cron("every night", TimeZoneInfo.Utc));
        Assert.Contains("every night", cron.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => JobSchedule.Cron("0 30 2 * * ?", null!));
    }

    [Fact]
    public void A_schedules_fingerprint_changes_exactly_when_the_schedule_does()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(JobSchedule.Every(TimeSpan.FromMinutes(5)).Fingerprint, JobSchedule.Every(TimeSpan.FromMinutes(5)).Fingerprint);
        Assert.NotEqual(JobSchedule.Every(TimeSpan.FromMinutes(5)).Fingerprint, JobSchedule.Every(TimeSpan.FromMinutes(6)).Fingerprint);
        Assert.Equal(JobSchedule.Cron("0 30 2 * * ?", berlin).Fingerprint, JobSchedule.Cron("0 30 2 * * ?", berlin).Fingerprint);
        Assert.NotEqual(JobSchedule.Cron("0 30 2 * * ?", berlin).Fingerprint, JobSchedule.Cron("0 30 2 * * ?", TimeZoneInfo.Utc).Fingerprint);
        Assert.NotEqual(JobSchedule.Cron("0 30 2 * * ?", berlin).Fingerprint, JobSchedule.Cron("0 30 3 * * ?", berlin).Fingerprint);
    }

    private static async Task ScheduleNowAsync(IScheduler scheduler, string name, string executionGroup, int priority)
    {
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(name, "Tests").Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name, "Tests")
            .WithExecutionGroup(executionGroup)
            .WithPriority(priority)
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(job, trigger);
    }
}

/// <summary>A module's sweep command, as a reminder or retention job would dispatch it.</summary>
internal sealed record SweepCommand : ICommand<int>;

/// <summary>The thin job under test.</summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(ICommandHandler<SweepCommand, int> handler, ILogger<SweepJob> logger)
    : ModuleCommandJob<SweepCommand, int>(handler, logger)
{
    protected override SweepCommand CreateCommand(IJobExecutionContext context) => new();
}

/// <summary>One per dependency-injection scope.</summary>
internal sealed class RunScope
{
    public Guid Id { get; } = Guid.NewGuid();
}

internal sealed class SweepLog
{
    private readonly ConcurrentQueue<Guid> _scopes = new();

    public IReadOnlyList<Guid> Scopes => [.. _scopes];

    public int Record(Guid scope)
    {
        _scopes.Enqueue(scope);
        return _scopes.Count;
    }
}

/// <summary>Fails the first command (a use-case answer, not an exception), succeeds afterwards.</summary>
internal sealed class SweepHandler(SweepLog log, RunScope scope) : ICommandHandler<SweepCommand, int>
{
    public Task<Result<int>> Handle(SweepCommand command, CancellationToken cancellationToken)
    {
        var count = log.Record(scope.Id);
        return Task.FromResult(count == 1
            ? Result<int>.Failure(Error.Conflict("sweep-busy", "Another sweep holds the lock."))
            : Result<int>.Success(count));
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, string Message);

/// <summary>Keeps what is logged, so a test can see that something said what it should.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception)));
    }
}
