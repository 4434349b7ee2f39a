using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Quartz;

namespace CaseWork.Host.Scheduling;

/// <summary>Hourly: refreshes the SQLite stores' planner statistics as data grows (<see cref="StoreStatistics"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class StoreStatisticsJob(StoreStatistics statistics) : IJob
{
    public const string Name = "refresh-store-statistics";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await statistics.RefreshAsync(cancellationToken);
}
