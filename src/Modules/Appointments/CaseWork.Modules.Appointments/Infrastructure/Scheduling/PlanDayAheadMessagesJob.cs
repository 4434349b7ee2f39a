using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.DayAhead;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.Appointments.Infrastructure.Scheduling;

[DisallowConcurrentExecution]
internal sealed class PlanDayAheadMessagesJob(ICommandHandler<PlanDayAheadMessages, int> handler, ILogger<PlanDayAheadMessagesJob> logger)
    : ModuleCommandJob<PlanDayAheadMessages, int>(handler, logger)
{
    protected override PlanDayAheadMessages CreateCommand(IJobExecutionContext context) => new();
}
