using CaseWork.BuildingBlocks.Infrastructure.Modules;
using Quartz;

namespace CaseWork.Host.Scheduling;

/// <summary>The host's one Quartz.NET scheduler; each module contributes its jobs.</summary>
internal static class SchedulerSetup
{
    public static WebApplicationBuilder AddCaseWorkScheduler(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        // PLACEHOLDER until the persistent ADO store is wired (issue 2, scheduler part).
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var module in modules)
            {
                module.AddJobs(quartz);
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
