namespace CaseWork.Host.Scheduling;

/// <summary>The <c>Scheduler</c> configuration section: how the host's one Quartz.NET scheduler runs.</summary>
internal sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// How many jobs run at once on this instance. Jobs are short database sweeps, so the database connection pool (sized
    /// near the core count) is the real limit; more threads than cores would only queue on it. Default: the core count, at least 2.
    /// </summary>
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How late a trigger may fire before its misfire instruction decides instead (catch up once). Default one minute.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an instance with nothing due waits before asking the store again. It learns of its own changes at once, but of
    /// another instance's (a trigger released after a run there, a job added there) only at the next ask. Default 30 seconds.
    /// </summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PostgreSQL only: how often an instance records in the shared tables that it is alive. Default 10 seconds.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// PostgreSQL only: how long past a missed check-in the other instances wait before they treat an instance as dead and take
    /// over its triggers and recoverable runs. Longer than a garbage-collection or failover pause, so a live instance is not
    /// written off. Default 20 seconds.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws with a message naming the offending key when the configuration cannot work.</summary>
    public void Validate()
    {
        Require(MaxConcurrency is >= 1 and <= 100, nameof(MaxConcurrency), $"must be between 1 and 100 (was {MaxConcurrency})");
        Require(MisfireThreshold >= TimeSpan.FromSeconds(1), nameof(MisfireThreshold), $"must be at least one second (was {MisfireThreshold})");
        Require(IdleWaitTime >= TimeSpan.FromSeconds(1), nameof(IdleWaitTime), $"must be at least one second (was {IdleWaitTime})");
        Require(ClusterCheckinInterval >= TimeSpan.FromMilliseconds(100), nameof(ClusterCheckinInterval), $"must be at least 100 ms (was {ClusterCheckinInterval})");
        Require(ClusterCheckinMisfireThreshold >= TimeSpan.FromMilliseconds(100), nameof(ClusterCheckinMisfireThreshold), $"must be at least 100 ms (was {ClusterCheckinMisfireThreshold})");
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}:{key} {message}.");
        }
    }
}
