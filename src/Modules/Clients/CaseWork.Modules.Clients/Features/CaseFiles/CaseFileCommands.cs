using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.CaseFiles;

/// <summary>Opens the client's case file again (or for the first time); returns the case file's version.</summary>
internal sealed record OpenCaseFile(ClientId ClientId, DateOnly? On = null) : ICommand<int>;

/// <summary>Closes the case file with a reason (one of <see cref="ClosingReason"/>); <paramref name="Version"/> as read.</summary>
internal sealed record CloseCaseFile(ClientId ClientId, int Version, string? Reason, DateOnly? On = null, string? Note = null) : ICommand<int>;

/// <summary>Sets the lead worker and the other workers (streetworkers of the office); <paramref name="Version"/> as read.</summary>
internal sealed record AssignWorkers(ClientId ClientId, int Version, Guid? LeadWorker, IReadOnlyList<Guid>? OtherWorkers) : ICommand<int>;

internal sealed class CloseCaseFileValidator : AbstractValidator<CloseCaseFile>
{
    public CloseCaseFileValidator()
    {
        RuleFor(c => c.Reason).Must(InputEnum.IsGiven<ClosingReason>).WithMessage($"Closing reason is one of: {InputEnum.Names<ClosingReason>()}.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class AssignWorkersValidator : AbstractValidator<AssignWorkers>
{
    public AssignWorkersValidator()
    {
        RuleFor(c => c.OtherWorkers).Must(w => w is null || w.Count <= 20).WithMessage("At most 20 workers.");
    }
}

internal sealed class OpenCaseFileHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<OpenCaseFile, int>
{
    public async Task<Result<int>> Handle(OpenCaseFile command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var client = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!client.IsSuccess)
            return client.Error;
        var on = command.On ?? OfficeCalendar.Today(time);
        var caseFile = await db.CaseFiles.FirstOrDefaultAsync(f => f.ClientId == command.ClientId, cancellationToken);
        if (caseFile is null)
        {
            db.CaseFiles.Add(CaseFile.Open(client.Value, on, access.UserId));
        }
        else
        {
            var reopened = caseFile.Reopen(on);
            if (!reopened.IsSuccess)
                return reopened.Error;
        }

        await audit.RecordAsync(AuditAction.Update, "CaseFile", command.ClientId, cancellationToken, "opened");
        return caseFile is null ? 0 : caseFile.Version + 1;
    }
}

internal sealed class CloseCaseFileHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : ICommandHandler<CloseCaseFile, int>
{
    public async Task<Result<int>> Handle(CloseCaseFile command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.OpenCaseFileAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var caseFile = loaded.Value.CaseFile;
        db.ExpectVersion(caseFile, command.Version);
        var closed = caseFile.Close(command.On ?? OfficeCalendar.Today(time), InputEnum.Parse(command.Reason, ClosingReason.Other), command.Note);
        if (!closed.IsSuccess)
            return closed.Error;
        await audit.RecordAsync(AuditAction.Update, "CaseFile", command.ClientId, cancellationToken, $"closed: {caseFile.ClosingReason}");
        return command.Version + 1;
    }
}

internal sealed class AssignWorkersHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, IOfficeDirectory offices)
    : ICommandHandler<AssignWorkers, int>
{
    public async Task<Result<int>> Handle(AssignWorkers command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var client = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!client.IsSuccess)
            return client.Error;
        var caseFile = await db.CaseFiles.FirstOrDefaultAsync(f => f.ClientId == command.ClientId, cancellationToken);
        if (caseFile is null)
            return Error.Conflict("case-file-missing", "The client has no case file; open one first.");

        var streetworkers = (await offices.GetStaffAsync(access.OfficeId!.Value, Roles.Streetworker, cancellationToken)).Select(s => s.Id.Value).ToHashSet();
        var requested = (command.OtherWorkers ?? []).Concat(command.LeadWorker is { } lead ? [lead] : []).ToList();
        if (requested.FirstOrDefault(w => !streetworkers.Contains(w)) is var unknown && unknown != Guid.Empty)
            return Error.Validation("workers", $"{unknown} is not a streetworker of this office.");

        db.ExpectVersion(caseFile, command.Version);
        caseFile.AssignWorkers(command.LeadWorker is { } l ? UserId.From(l) : null, (command.OtherWorkers ?? []).Select(UserId.From));
        await audit.RecordAsync(AuditAction.Update, "CaseFile", command.ClientId, cancellationToken, "workers assigned");
        return command.Version + 1;
    }
}
