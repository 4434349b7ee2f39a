using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>Starting a host and getting hold of its running scheduler.</summary>
internal static class SchedulerHosts
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Settings that make an instance notice within a second what another one did (a trigger released, an instance gone)
    /// instead of within half a minute.
    /// </summary>
    public static Dictionary<string, string?> FastCluster() => new()
    {
        ["Scheduler:IdleWaitTime"] = "00:00:01",
        ["Scheduler:ClusterCheckinInterval"] = "00:00:00.500",
        ["Scheduler:ClusterCheckinMisfireThreshold"] = "00:00:01",
    };

    public static CaseWorkHostFactory Create(DatabaseOptions database, JobRunLog log, Action<IQuartzBuilder>? jobs = null, IDictionary<string, string?>? settings = null) =>
        new(database, settings)
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton(log);
                if (jobs is not null)
                {
                    // Additive: contributes to the host's one scheduler, as a module's AddJobs does.
                    services.AddQuartz(jobs);
                }
            },
        };

    /// <summary>Starts the host and waits until its scheduler runs.</summary>
    public static async Task<IScheduler> StartAsync(CaseWorkHostFactory factory)
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.HoldsAsync(
            () => scheduler.Status == SchedulerStatus.Running,
            StartTimeout,
            () => $"the scheduler is {scheduler.Status}, not Running");
        return scheduler;
    }
}
