using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Contracts;
using FluentValidation;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>What the handler does after it has added the note and queued the event.</summary>
internal enum AfterWriting
{
    Succeed,
    ReturnError,
    Throw,
}

internal sealed record CreateNote(string Title, AfterWriting Then = AfterWriting.Succeed, Guid? Id = null) : ICommand<Guid>;

internal sealed class CreateNoteValidator : AbstractValidator<CreateNote>
{
    public CreateNoteValidator() => RuleFor(c => c.Title).NotEmpty().MaximumLength(100);
}

internal sealed class CreateNoteHandler(SenderDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CreateNote, Guid>
{
    public Task<Result<Guid>> Handle(CreateNote command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Task.FromResult<Result<Guid>>(Error.Forbidden("no-office", "Only office staff write notes."));
        }

        var note = new SenderNote(command.Id ?? Guid.CreateVersion7(), office, command.Title, time.GetUtcNow());
        db.Notes.Add(note);
        db.Enqueue(new NoteCreated(Guid.CreateVersion7(), time.GetUtcNow(), note.Id, note.Title));

        return Task.FromResult<Result<Guid>>(command.Then switch
        {
            AfterWriting.Succeed => note.Id,
            AfterWriting.ReturnError => Error.Conflict("note-refused", "The note was refused after it was written."),
            _ => throw new InvalidOperationException("Simulated failure after writing."),
        });
    }
}
