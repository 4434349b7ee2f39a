using System.Collections.Concurrent;
using Quartz;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>One run of a probe job: where it ran and when.</summary>
internal sealed record JobRun(string Job, string InstanceId, DateTimeOffset Started, DateTimeOffset Finished);

/// <summary>
/// What the probe jobs did, shared by every host of a test. Besides the runs it counts the runs in flight at the same time, so
/// an overlap is caught exactly rather than inferred from timestamps.
/// </summary>
internal sealed class JobRunLog
{
    private readonly ConcurrentQueue<JobRun> _runs = new();
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyList<JobRun> Runs => [.. _runs];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Count(string job) => _runs.Count(r => r.Job == job);

    public async Task RecordAsync(IJobExecutionContext context, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            if (duration > TimeSpan.Zero)
            {
                await Task.Delay(duration, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _runs.Enqueue(new JobRun(context.JobDetail.Key.ToString(), context.Scheduler.SchedulerInstanceId, started, DateTimeOffset.UtcNow));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

/// <summary>Records that it ran; takes no time.</summary>
internal sealed class RecordingJob(JobRunLog log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await log.RecordAsync(context, TimeSpan.Zero, cancellationToken);
}

/// <summary>Runs longer than its trigger's interval, so its runs would overlap if nothing prevented it.</summary>
internal abstract class SlowJob(JobRunLog log) : IJob
{
    public static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(400);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await log.RecordAsync(context, Duration, cancellationToken);
}

/// <summary>The job under test in the cluster test: one run at a time across every instance.</summary>
[DisallowConcurrentExecution]
internal sealed class ExclusiveSlowJob(JobRunLog log) : SlowJob(log);

/// <summary>The same job without the attribute: proves the cluster test's setup does produce overlaps when allowed.</summary>
internal sealed class ConcurrentSlowJob(JobRunLog log) : SlowJob(log);

/// <summary>Waiting for something the scheduler does, with a bound and a message instead of a hang.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeout}: {failure()}");
            }

            await Task.Delay(50);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, failure);
}
