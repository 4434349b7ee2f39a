using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace CaseWork.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// Puts the modules' declared jobs and triggers into the persistent store when the scheduler starts, before it fires anything.
/// </summary>
/// <remarks>
/// <para>
/// Every start of every instance declares the same jobs again, so this must be idempotent without being forgetful. The job
/// detail is replaced (it carries no schedule state, and the stored class name follows the code). A trigger whose stored
/// schedule is the declared one is kept as it is — its next run, its last run and a pause an operator set survive a restart
/// and the start of a second instance; the store decides that under its own lock, so instances starting together write
/// nothing. A trigger whose schedule changed is replaced and starts over from now.
/// </para>
/// <para>
/// Replacing every trigger on start (Quartz's declarative <c>AddTrigger</c>) would move a never-fired trigger's first run
/// on each restart — a daily job on a host restarted daily would never run — and would lift operators' pauses.
/// </para>
/// <para>
/// A declared trigger found in the error state (its job could not be built, e.g. a missing registration) is reset and
/// reported: left alone it would never fire again, and nothing else would say so.
/// </para>
/// </remarks>
internal sealed partial class ModuleTriggersPlugin(IEnumerable<ModuleJobDeclaration> declarations, ILogger<ModuleTriggersPlugin> logger)
    : ISchedulerPlugin
{
    public const string Name = "casework-module-triggers";

    private IScheduler? _scheduler;

    public ValueTask Initialize(string pluginName, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        _scheduler = scheduler;
        return ValueTask.CompletedTask;
    }

    public async ValueTask Start(CancellationToken cancellationToken = default)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The plugin was started before it was initialised.");
        foreach (var declaration in declarations)
        {
            await scheduler.AddJob(declaration.BuildJob(), AddJobOptions.Replacing, cancellationToken);

            var stored = await scheduler.GetTrigger(declaration.TriggerKey, cancellationToken);
            var unchanged = stored is not null
                            && stored.JobKey.Equals(declaration.Key)
                            && stored.JobDataMap.TryGetString(ModuleJobDeclaration.ScheduleDataKey, out var fingerprint)
                            && fingerprint == declaration.Schedule.Fingerprint;
            var result = await scheduler.ScheduleTrigger(
                declaration.BuildTrigger(scheduler.TimeProvider),
                unchanged ? TriggerConflict.Keep : TriggerConflict.Replace,
                cancellationToken);
            LogScheduled(declaration.Key.ToString(), declaration.Schedule.Fingerprint, result.Outcome, result.NextFireTimeUtc);

            if (await scheduler.GetTriggerState(declaration.TriggerKey, cancellationToken) == TriggerState.Error)
            {
                LogResetFromError(declaration.Key.ToString());
                await scheduler.ResetTriggerFromErrorState(declaration.TriggerKey, cancellationToken);
            }
        }
    }

    public ValueTask Shutdown(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ({Schedule}): trigger {Outcome}, next run {NextRun:o}")]
    private partial void LogScheduled(string job, string schedule, ScheduleOutcome outcome, DateTimeOffset nextRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}'s trigger was in the error state (its job could not be run); it is reset and will fire again")]
    private partial void LogResetFromError(string job);
}
