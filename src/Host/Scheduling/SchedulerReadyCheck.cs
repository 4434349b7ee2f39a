using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CaseWork.Host.Scheduling;

/// <summary>
/// Ready while the host's scheduler runs: built and started, not in standby, not shutting down. Asks Quartz's registry rather
/// than the scheduler factory, because asking the factory would build a scheduler the host has not started yet.
/// </summary>
/// <remarks>
/// Quartz ships a richer check, but it reports standby and not-yet-started as Degraded, which <c>/health/ready</c> answers
/// with 200; an instance whose scheduler does not run must not count as ready.
/// </remarks>
internal sealed class SchedulerReadyCheck(ISchedulerRegistry registry) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var schedulers = await registry.QuerySchedulers(cancellationToken);
        var scheduler = schedulers.FirstOrDefault(s => string.Equals(s.Name, SchedulerSetup.SchedulerName, StringComparison.OrdinalIgnoreCase));
        return scheduler?.Status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy($"Scheduler running as instance {scheduler.SchedulerInstanceId}"),
            null => HealthCheckResult.Unhealthy("Scheduler not started (or already shut down)"),
            var status => HealthCheckResult.Unhealthy($"Scheduler is {status}"),
        };
    }
}
