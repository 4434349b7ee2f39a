using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.FollowUps;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.Modules.Referrals.Infrastructure.Scheduling;

[DisallowConcurrentExecution]
internal sealed class FollowUpReferralsJob(ICommandHandler<FollowUpReferrals, FollowUpSummary> handler, ILogger<FollowUpReferralsJob> logger)
    : ModuleCommandJob<FollowUpReferrals, FollowUpSummary>(handler, logger)
{
    protected override FollowUpReferrals CreateCommand(IJobExecutionContext context) => new();
}

[DisallowConcurrentExecution]
internal sealed class SendOverdueDigestJob(ICommandHandler<SendOverdueDigest, int> handler, ILogger<SendOverdueDigestJob> logger)
    : ModuleCommandJob<SendOverdueDigest, int>(handler, logger)
{
    protected override SendOverdueDigest CreateCommand(IJobExecutionContext context) => new();
}
