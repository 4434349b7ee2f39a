using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.RegisterClient;

/// <summary>
/// Registers a client and opens the case file, after a duplicate check: when likely or possible duplicates exist and
/// the request does not confirm <paramref name="ConfirmedNotDuplicate"/>, nothing is saved and the candidates come back.
/// </summary>
internal sealed record RegisterClient(ClientDetailsInput Details, bool ConfirmedNotDuplicate = false) : ICommand<RegistrationOutcome>;

/// <summary>Either the new client (<see cref="Registered"/>) or the candidates that stopped the registration.</summary>
internal sealed record RegistrationOutcome(bool Registered, ClientRef? Client, IReadOnlyList<DuplicateCandidateView> Candidates);

internal sealed class RegisterClientValidator : AbstractValidator<RegisterClient>
{
    public RegisterClientValidator(TimeProvider time)
    {
        RuleFor(c => c.Details).NotNull().SetValidator(new ClientDetailsValidator(time));
    }
}

internal sealed class RegisterClientHandler(
    ClientsDbContext db, ClientAccess access, DuplicateFinder duplicates, ClientAudit audit, TimeProvider time)
    : ICommandHandler<RegisterClient, RegistrationOutcome>
{
    public async Task<Result<RegistrationOutcome>> Handle(RegisterClient command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var details = command.Details.ToDetails();
        if (!command.ConfirmedNotDuplicate)
        {
            var person = new Duplicates.Probe(details).Person;
            var candidates = await duplicates.FindAsync(person, null, named: true, cancellationToken);
            if (candidates.Count > 0)
                return new RegistrationOutcome(false, null, candidates);
        }

        var now = time.GetUtcNow();
        var client = Client.Register(access.OfficeId!.Value, details, now, await NewPseudonymCodeAsync(cancellationToken));
        db.Clients.Add(client);
        db.CaseFiles.Add(CaseFile.Open(client, OfficeCalendar.Today(time), access.UserId));
        db.Enqueue(new ClientRegistered(Guid.NewGuid(), now, client.OfficeId, client.Id, client.PseudonymCode));
        await audit.RecordAsync(AuditAction.Create, "Client", client.Id, cancellationToken,
            command.ConfirmedNotDuplicate ? "registered; confirmed not a duplicate" : "registered");
        return new RegistrationOutcome(true, new ClientRef(client.Id, client.PseudonymCode, client.Version), []);
    }

    private async Task<string> NewPseudonymCodeAsync(CancellationToken cancellationToken)
    {
        // 31^6 codes per office: a clash is rare, but the unique index would turn it into an error, so draw again.
        while (true)
        {
            var code = PseudonymCode.New();
            if (!await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.OfficeId == access.OfficeId!.Value && c.PseudonymCode == code, cancellationToken))
                return code;
        }
    }
}
