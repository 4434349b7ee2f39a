using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Infrastructure.Persistence.Configurations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.CaseRecords;

/// <summary>Writes a note on the timeline (type from <see cref="NoteType"/>, topics from <see cref="NeedAreas"/>); returns its id.</summary>
internal sealed record AddNote(ClientId ClientId, string? Type, DateTimeOffset? OccurredAt, int? DurationMinutes, IReadOnlyList<string>? Topics, string? Text) : ICommand<Guid>;

/// <summary>Records a need in an area of <see cref="NeedAreas"/>; returns its id.</summary>
internal sealed record AddNeed(ClientId ClientId, string? Area, string? Description, DateOnly? On = null) : ICommand<Guid>;

/// <summary>Moves a need to another status ("Open", "InProgress", "Resolved", "Referred").</summary>
internal sealed record ChangeNeedStatus(ClientId ClientId, Guid NeedId, string? Status, DateOnly? On = null) : ICommand<Unit>;

/// <summary>Agrees a goal with next steps and a due date; returns its id.</summary>
internal sealed record AddGoal(ClientId ClientId, string? Title, IReadOnlyList<string>? NextSteps, DateOnly? DueOn, Guid? NeedId = null) : ICommand<Guid>;

/// <summary>Completes a goal, reached or not.</summary>
internal sealed record CompleteGoal(ClientId ClientId, Guid GoalId, bool Achieved, DateOnly? On = null) : ICommand<Unit>;

/// <summary>Notes a date that must not pass unnoticed (kind from <see cref="ImportantDateKind"/>); returns its id.</summary>
internal sealed record AddImportantDate(ClientId ClientId, string? Kind, DateOnly? On, string? Label) : ICommand<Guid>;

internal sealed class AddNoteValidator : AbstractValidator<AddNote>
{
    public AddNoteValidator(TimeProvider time)
    {
        RuleFor(c => c.Type).Must(InputEnum.IsGiven<NoteType>).WithMessage($"Note type is one of: {InputEnum.Names<NoteType>()}.");
        RuleFor(c => c.Text).NotEmpty().WithMessage("The note needs a text.").MaximumLength(CaseNoteConfiguration.MaxTextLength);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(0, 24 * 60);
        RuleForEach(c => c.Topics).Must(NeedAreas.All.Contains).WithMessage("Unknown topic.");
        RuleFor(c => c.OccurredAt).Must(at => at is null || at <= time.GetUtcNow().AddDays(1)).WithMessage("A note cannot be about the future.");
    }
}

internal sealed class AddNeedValidator : AbstractValidator<AddNeed>
{
    public AddNeedValidator()
    {
        RuleFor(c => c.Area).Must(a => a is not null && NeedAreas.All.Contains(a)).WithMessage($"Area is one of: {string.Join(", ", NeedAreas.All)}.");
        RuleFor(c => c.Description).MaximumLength(2000);
    }
}

internal sealed class ChangeNeedStatusValidator : AbstractValidator<ChangeNeedStatus>
{
    public ChangeNeedStatusValidator() =>
        RuleFor(c => c.Status).Must(InputEnum.IsGiven<NeedStatus>).WithMessage($"Status is one of: {InputEnum.Names<NeedStatus>()}.");
}

internal sealed class AddGoalValidator : AbstractValidator<AddGoal>
{
    public AddGoalValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("The goal needs a title.").MaximumLength(500);
        RuleFor(c => c.NextSteps).Must(s => s is null || s.Count <= 20).WithMessage("At most 20 next steps.");
        RuleForEach(c => c.NextSteps).MaximumLength(500);
    }
}

internal sealed class AddImportantDateValidator : AbstractValidator<AddImportantDate>
{
    public AddImportantDateValidator()
    {
        RuleFor(c => c.Kind).Must(InputEnum.IsGiven<ImportantDateKind>).WithMessage($"Kind is one of: {InputEnum.Names<ImportantDateKind>()}.");
        RuleFor(c => c.On).NotNull().WithMessage("The date is required.");
        RuleFor(c => c.Label).MaximumLength(500);
    }
}

internal sealed class AddNoteHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<AddNote, Guid>
{
    public async Task<Result<Guid>> Handle(AddNote command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.OpenCaseFileAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var now = time.GetUtcNow();
        var note = CaseNote.Write(loaded.Value.Client, InputEnum.Parse(command.Type, NoteType.Other), command.OccurredAt ?? now,
            command.DurationMinutes, command.Topics ?? [], command.Text!, access.UserId, now);
        db.Notes.Add(note);
        await audit.RecordAsync(AuditAction.Create, "CaseNote", note.Id, cancellationToken, $"client {command.ClientId}");
        return note.Id;
    }
}

internal sealed class AddNeedHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<AddNeed, Guid>
{
    public async Task<Result<Guid>> Handle(AddNeed command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.OpenCaseFileAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var need = Need.Record(loaded.Value.Client, command.Area!, command.Description, command.On ?? OfficeCalendar.Today(time));
        db.Needs.Add(need);
        await audit.RecordAsync(AuditAction.Create, "Need", need.Id, cancellationToken, $"client {command.ClientId}");
        return need.Id;
    }
}

internal sealed class ChangeNeedStatusHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<ChangeNeedStatus, Unit>
{
    public async Task<Result<Unit>> Handle(ChangeNeedStatus command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == command.NeedId && n.ClientId == command.ClientId, cancellationToken);
        if (need is null)
            return Error.NotFound("need-not-found", "The need was not found.");
        var changed = need.ChangeStatus(InputEnum.Parse(command.Status, NeedStatus.Open), command.On ?? OfficeCalendar.Today(time));
        if (!changed.IsSuccess)
            return changed.Error;
        await audit.RecordAsync(AuditAction.Update, "Need", need.Id, cancellationToken, $"status {need.Status}");
        return Unit.Value;
    }
}

internal sealed class AddGoalHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<AddGoal, Guid>
{
    public async Task<Result<Guid>> Handle(AddGoal command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.OpenCaseFileAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        if (command.NeedId is { } needId && !await db.Needs.AnyAsync(n => n.Id == needId && n.ClientId == command.ClientId, cancellationToken))
            return Error.Validation("needId", "The need is not one of this client's.");
        var goal = Goal.Agree(loaded.Value.Client, command.Title!, command.NextSteps ?? [], command.DueOn, command.NeedId, OfficeCalendar.Today(time), access.UserId);
        db.Goals.Add(goal);
        await audit.RecordAsync(AuditAction.Create, "Goal", goal.Id, cancellationToken, $"client {command.ClientId}");
        return goal.Id;
    }
}

internal sealed class CompleteGoalHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<CompleteGoal, Unit>
{
    public async Task<Result<Unit>> Handle(CompleteGoal command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == command.GoalId && g.ClientId == command.ClientId, cancellationToken);
        if (goal is null)
            return Error.NotFound("goal-not-found", "The goal was not found.");
        var completed = goal.Complete(command.On ?? OfficeCalendar.Today(time), command.Achieved);
        if (!completed.IsSuccess)
            return completed.Error;
        await audit.RecordAsync(AuditAction.Update, "Goal", goal.Id, cancellationToken, "completed");
        return Unit.Value;
    }
}

internal sealed class AddImportantDateHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit) : ICommandHandler<AddImportantDate, Guid>
{
    public async Task<Result<Guid>> Handle(AddImportantDate command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.OpenCaseFileAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var date = ImportantDate.Note(loaded.Value.Client, InputEnum.Parse(command.Kind, ImportantDateKind.Other), command.On!.Value, command.Label);
        db.ImportantDates.Add(date);
        await audit.RecordAsync(AuditAction.Create, "ImportantDate", date.Id, cancellationToken, $"client {command.ClientId}");
        return date.Id;
    }
}
