using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.SendReminders;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.Appointments.Infrastructure.Scheduling;

[DisallowConcurrentExecution]
internal sealed class SendDueRemindersJob(ICommandHandler<SendDueReminders, int> handler, ILogger<SendDueRemindersJob> logger)
    : ModuleCommandJob<SendDueReminders, int>(handler, logger)
{
    protected override SendDueReminders CreateCommand(IJobExecutionContext context) => new();
}
