using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Duplicates;

/// <summary>Likely duplicates of an existing client in the office, with reasons (streetworkers).</summary>
internal sealed record FindDuplicates(ClientId ClientId) : IQuery<IReadOnlyList<DuplicateCandidateView>>;

internal sealed class FindDuplicatesHandler(ClientsDbContext db, ClientAccess access, DuplicateFinder finder, ClientAudit audit)
    : IQueryHandler<FindDuplicates, IReadOnlyList<DuplicateCandidateView>>
{
    public async Task<Result<IReadOnlyList<DuplicateCandidateView>>> Handle(FindDuplicates query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.ClientId, cancellationToken);
        if (client is null)
            return ClientLoading.ClientNotFound(query.ClientId);
        var candidates = await finder.FindAsync(client.ForMatching(), client.Id, named: true, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, "Client", client.Id, cancellationToken, $"duplicate check: {candidates.Count} candidates");
        return Result<IReadOnlyList<DuplicateCandidateView>>.Success(candidates);
    }
}
