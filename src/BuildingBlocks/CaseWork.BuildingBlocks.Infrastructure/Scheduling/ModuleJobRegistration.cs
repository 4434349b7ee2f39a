using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CaseWork.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>How a module adds a job to the host's one scheduler, from its <c>IModule.AddJobs</c>.</summary>
public static class ModuleJobRegistration
{
    /// <summary>
    /// Adds <typeparamref name="TJob"/> as a durable job keyed <c>(<paramref name="jobName"/>, <paramref name="moduleName"/>)</c>
    /// with one trigger of the same key, whose execution group is the module's name (so an instance with the module disabled
    /// can refuse to run it). Safe to call on every start of every host instance: see <see cref="ModuleTriggersPlugin"/>.
    /// </summary>
    /// <typeparam name="TJob">The job, usually a <see cref="ModuleCommandJob{TCommand, TValue}"/>; resolved per run from a fresh scope.</typeparam>
    /// <param name="quartz">The host's scheduler builder.</param>
    /// <param name="moduleName">The module's name; it is the job's group.</param>
    /// <param name="jobName">A stable name, unique within the module, e.g. <c>send-due-reminders</c>. Renaming it orphans the stored job.</param>
    /// <param name="schedule">When the job runs.</param>
    public static IQuartzBuilder AddModuleJob<TJob>(this IQuartzBuilder quartz, string moduleName, string jobName, JobSchedule schedule)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleName);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentNullException.ThrowIfNull(schedule);

        var declaration = new ModuleJobDeclaration(typeof(TJob), new JobKey(jobName, moduleName), schedule);
        if (quartz.Services.Any(d => d.ServiceType == typeof(ModuleJobDeclaration)
                                     && d.ImplementationInstance is ModuleJobDeclaration existing
                                     && existing.Key.Equals(declaration.Key)))
        {
            throw new InvalidOperationException($"The job {declaration.Key} is added twice; job names must be unique within a module.");
        }

        if (!quartz.Services.Any(d => d.ServiceType == typeof(ModuleJobDeclaration)))
        {
            quartz.AddPlugin<ModuleTriggersPlugin>(ModuleTriggersPlugin.Name);
        }

        quartz.Services.AddSingleton(declaration);
        // Scoped, like the scheduler's own job registrations: one instance per run, built in the scope the scheduler opens for
        // that run. Registered, so a dependency the job cannot be given fails container validation rather than a run.
        quartz.Services.TryAddScoped(typeof(TJob));
        return quartz;
    }
}

/// <summary>A module job as declared by <see cref="ModuleJobRegistration.AddModuleJob{TJob}"/>.</summary>
/// <param name="JobType">The job class.</param>
/// <param name="Key">Job key and trigger key: name within the module, group = module name.</param>
/// <param name="Schedule">When it runs.</param>
internal sealed record ModuleJobDeclaration(Type JobType, JobKey Key, JobSchedule Schedule)
{
    /// <summary>The trigger data key holding <see cref="JobSchedule.Fingerprint"/>.</summary>
    public const string ScheduleDataKey = "casework.schedule";

    public TriggerKey TriggerKey => new(Key.Name, Key.Group);

    public IJobDetail BuildJob() => JobBuilder.Create()
        .OfType(JobType)
        .WithIdentity(Key)
        .WithDescription($"{Key.Group}: {Key.Name}")
        // Durable: the job outlives a moment without a trigger, e.g. while its trigger is replaced.
        .StoreDurably()
        // Every module job is an idempotent sweep, so a run cut short by a crashed instance is simply run again by another.
        .RequestRecovery()
        .Build();

    public ITrigger BuildTrigger(TimeProvider clock) => Schedule.Apply(TriggerBuilder.Create(clock), clock.GetUtcNow())
        .WithIdentity(TriggerKey)
        .WithDescription(Schedule.Fingerprint)
        .WithExecutionGroup(Key.Group)
        .UsingJobData(ScheduleDataKey, Schedule.Fingerprint)
        .ForJob(Key)
        .Build();
}
