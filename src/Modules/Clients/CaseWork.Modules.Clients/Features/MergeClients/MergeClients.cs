using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.MergeClients;

/// <summary>
/// Merges <paramref name="MergedId"/> into <paramref name="SurvivorId"/> (an explicit decision after a duplicate
/// check). Both histories are kept: the merged record's notes, needs, goals, dates and consents move to the survivor, the
/// merged record stays, pointing to it. Versions as read; publishes <see cref="ClientsMerged"/>.
/// </summary>
internal sealed record MergeClients(ClientId SurvivorId, int SurvivorVersion, ClientId MergedId, int MergedVersion) : ICommand<ClientRef>;

internal sealed class MergeClientsValidator : AbstractValidator<MergeClients>
{
    public MergeClientsValidator() =>
        RuleFor(c => c.MergedId).Must((c, merged) => merged != c.SurvivorId).WithMessage("A record cannot be merged into itself.");
}

internal sealed class MergeClientsHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<MergeClients, ClientRef>
{
    public async Task<Result<ClientRef>> Handle(MergeClients command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var survivor = await db.ActiveClientAsync(command.SurvivorId, cancellationToken);
        if (!survivor.IsSuccess)
            return survivor.Error;
        var merged = await db.ActiveClientAsync(command.MergedId, cancellationToken);
        if (!merged.IsSuccess)
            return merged.Error;

        db.ExpectVersion(survivor.Value, command.SurvivorVersion);
        db.ExpectVersion(merged.Value, command.MergedVersion);
        merged.Value.MergeInto(survivor.Value);

        var id = merged.Value.Id;
        foreach (var record in await db.CaseRecordsOfAsync(id, ignoreOffice: false, cancellationToken))
            record.MoveTo(survivor.Value);

        var today = OfficeCalendar.Today(time);
        var mergedFile = await db.CaseFiles.FirstOrDefaultAsync(f => f.ClientId == id, cancellationToken);
        if (mergedFile is { IsOpen: true })
            mergedFile.Close(today < mergedFile.OpenedOn ? mergedFile.OpenedOn : today, ClosingReason.MergedIntoOtherRecord, null);
        var survivorFile = await db.CaseFiles.FirstOrDefaultAsync(f => f.ClientId == command.SurvivorId, cancellationToken);
        if (survivorFile is not null && mergedFile is not null)
        {
            var workers = survivorFile.OtherWorkers.Concat(mergedFile.OtherWorkers)
                .Concat(mergedFile.LeadWorker is { } lead ? [lead.Value] : [])
                .Select(BuildingBlocks.Ids.UserId.From);
            survivorFile.AssignWorkers(survivorFile.LeadWorker ?? mergedFile.LeadWorker, workers);
        }

        db.Enqueue(new ClientsMerged(Guid.NewGuid(), time.GetUtcNow(), survivor.Value.OfficeId, survivor.Value.Id, id));
        await audit.RecordAsync(AuditAction.Merge, "Client", survivor.Value.Id, cancellationToken, $"merged {merged.Value.PseudonymCode} ({id}) into {survivor.Value.PseudonymCode}");
        return new ClientRef(survivor.Value.Id, survivor.Value.PseudonymCode, command.SurvivorVersion + 1);
    }
}
