using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Notifications;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Scheduling;

[DisallowConcurrentExecution]
internal sealed class SendInterpreterNotificationsJob(ICommandHandler<SendInterpreterNotifications, int> handler, ILogger<SendInterpreterNotificationsJob> logger)
    : ModuleCommandJob<SendInterpreterNotifications, int>(handler, logger)
{
    protected override SendInterpreterNotifications CreateCommand(IJobExecutionContext context) => new();
}
