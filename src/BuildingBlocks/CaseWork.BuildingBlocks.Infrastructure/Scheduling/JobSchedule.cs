using Quartz;

namespace CaseWork.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// When a module's job runs. Deliberately small: a fixed delay between runs, or a cron expression in an explicit time zone.
/// Both catch up with one run when the host was down at the due time, because every job is a sweep over due data
/// (DESIGN.md, "Scheduling and reminders"): running it once late does everything the missed runs would have done.
/// </summary>
public abstract record JobSchedule
{
    private protected JobSchedule()
    {
    }

    /// <summary>
    /// Runs the job, waits <paramref name="delay"/> after it finished, runs it again, and so on; the first run is one delay
    /// after the job is first registered. Never overlaps itself, on any instance of a cluster.
    /// </summary>
    /// <param name="delay">The pause between the end of one run and the start of the next; at least one second.</param>
    public static JobSchedule Every(TimeSpan delay)
    {
        if (delay < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A job's delay must be at least one second.");
        }

        return new FixedDelaySchedule(delay);
    }

    /// <summary>Runs the job at the times a Quartz cron expression names, read in <paramref name="timeZone"/>.</summary>
    /// <param name="expression">A Quartz cron expression with seconds, e.g. <c>0 30 2 * * ?</c> for 02:30 every day.</param>
    /// <param name="timeZone">
    /// The zone the expression is read in — the offices' zone (Europe/Berlin) for anything people expect at a wall-clock
    /// time. There is no default, so nothing runs in the server's local zone by accident.
    /// </param>
    public static JobSchedule Cron(string expression, TimeZoneInfo timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!CronExpression.TryParse(expression, out _))
        {
            throw new ArgumentException($"'{expression}' is not a valid Quartz cron expression (seconds first, e.g. '0 30 2 * * ?').", nameof(expression));
        }

        return new CronSchedule(expression, timeZone);
    }

    /// <summary>
    /// A stable description of the schedule, stored with the trigger: a restart that declares the same schedule leaves the
    /// stored trigger alone, a changed one replaces it.
    /// </summary>
    public abstract string Fingerprint { get; }

    /// <summary>Applies this schedule to a trigger that starts at <paramref name="now"/>.</summary>
    internal abstract TriggerBuilder<IJob> Apply(TriggerBuilder<IJob> trigger, DateTimeOffset now);

    /// <inheritdoc />
    public sealed override string ToString() => Fingerprint;

    private sealed record FixedDelaySchedule(TimeSpan Delay) : JobSchedule
    {
        public override string Fingerprint => $"every {Delay:c} after the previous run";

        internal override TriggerBuilder<IJob> Apply(TriggerBuilder<IJob> trigger, DateTimeOffset now) => trigger
            .StartAt(now + Delay)
            .WithSchedule(SimpleScheduleBuilder.Create()
                .WithInterval(Delay)
                .RepeatForever()
                .MeasureIntervalFromCompletion()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount));
    }

    private sealed record CronSchedule(string Expression, TimeZoneInfo TimeZone) : JobSchedule
    {
        public override string Fingerprint => $"cron '{Expression}' in {TimeZone.Id}";

        internal override TriggerBuilder<IJob> Apply(TriggerBuilder<IJob> trigger, DateTimeOffset now) => trigger
            .StartAt(now)
            .WithSchedule(CronScheduleBuilder.Create(Expression)
                .InTimeZone(TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
    }
}
