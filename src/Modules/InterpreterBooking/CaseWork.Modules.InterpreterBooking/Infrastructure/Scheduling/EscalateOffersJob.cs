using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Escalation;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Scheduling;

[DisallowConcurrentExecution]
internal sealed class EscalateOffersJob(ICommandHandler<EscalateOffers, EscalationOutcome> handler, ILogger<EscalateOffersJob> logger)
    : ModuleCommandJob<EscalateOffers, EscalationOutcome>(handler, logger)
{
    protected override EscalateOffers CreateCommand(IJobExecutionContext context) => new();
}
