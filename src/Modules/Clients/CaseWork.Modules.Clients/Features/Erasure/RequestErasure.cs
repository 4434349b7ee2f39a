using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Erasure;

/// <summary>
/// The client asked for erasure (art. 17 GDPR): anonymise at once, with the reason recorded. Notes the office must keep
/// by law (e.g. proof of use of funds) are named in <paramref name="KeepNotesByLaw"/> and keep their text.
/// </summary>
internal sealed record RequestErasure(ClientId ClientId, string? Reason, IReadOnlyList<Guid>? KeepNotesByLaw = null) : ICommand<Unit>;

internal sealed class RequestErasureValidator : AbstractValidator<RequestErasure>
{
    public RequestErasureValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Record why the data is erased (e.g. the client's request of a date).").MaximumLength(500);
}

internal sealed class RequestErasureHandler(ClientsDbContext db, ClientAccess access, ClientAnonymiser anonymiser, TimeProvider time)
    : ICommandHandler<RequestErasure, Unit>
{
    public async Task<Result<Unit>> Handle(RequestErasure command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
            return ClientLoading.ClientNotFound(command.ClientId);
        if (client.IsAnonymised)
            return Error.Conflict("client-anonymised", "The record is already anonymised.");
        var keep = command.KeepNotesByLaw ?? [];
        if (keep.Count > 0 && await db.Notes.CountAsync(n => keep.Contains(n.Id) && n.ClientId == client.Id, cancellationToken) != keep.Distinct().Count())
            return Error.Validation("keepNotesByLaw", "Only notes of this client can be kept.");
        await anonymiser.AnonymiseAsync(client, "erasure request: " + command.Reason!.Trim(), keep, time.GetUtcNow(), ignoreOffice: false, cancellationToken);
        return Unit.Value;
    }
}
