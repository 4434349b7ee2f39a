using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;

namespace CaseWork.Modules.Clients.Features.UpdateClient;

/// <summary>Replaces a client's personal details; <paramref name="Version"/> is the version the caller read (stale → conflict).</summary>
internal sealed record UpdateClient(ClientId ClientId, int Version, ClientDetailsInput Details) : ICommand<ClientRef>;

internal sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator(TimeProvider time)
    {
        RuleFor(c => c.Details).NotNull().SetValidator(new ClientDetailsValidator(time));
    }
}

internal sealed class UpdateClientHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<UpdateClient, ClientRef>
{
    public async Task<Result<ClientRef>> Handle(UpdateClient command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var client = loaded.Value;
        db.ExpectVersion(client, command.Version);
        if (client.Change(command.Details.ToDetails()))
            db.Enqueue(new ClientContactDetailsChanged(Guid.NewGuid(), time.GetUtcNow(), client.OfficeId, client.Id));
        await audit.RecordAsync(AuditAction.Update, "Client", client.Id, cancellationToken, "personal details");
        return new ClientRef(client.Id, client.PseudonymCode, command.Version + 1);
    }
}
