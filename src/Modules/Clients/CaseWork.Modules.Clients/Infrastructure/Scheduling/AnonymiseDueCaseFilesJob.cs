using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.Retention;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.Clients.Infrastructure.Scheduling;

/// <summary>Nightly retention sweep; the rules live in <see cref="AnonymiseDueCaseFilesHandler"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class AnonymiseDueCaseFilesJob(ICommandHandler<AnonymiseDueCaseFiles, int> handler, ILogger<AnonymiseDueCaseFilesJob> logger)
    : ModuleCommandJob<AnonymiseDueCaseFiles, int>(handler, logger)
{
    public const string Name = "anonymise-due-case-files";

    protected override AnonymiseDueCaseFiles CreateCommand(IJobExecutionContext context) => new();
}
