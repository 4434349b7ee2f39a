using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>Renames a note the caller read at <see cref="ExpectedVersion"/>, as an edit form would post it.</summary>
internal sealed record RenameNote(Guid NoteId, int ExpectedVersion, string Title) : ICommand<Unit>;

internal sealed class RenameNoteHandler(SenderDbContext db, IAuditTrail audit) : ICommandHandler<RenameNote, Unit>
{
    public async Task<Result<Unit>> Handle(RenameNote command, CancellationToken cancellationToken)
    {
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == command.NoteId, cancellationToken);
        if (note is null)
        {
            return Error.NotFound("note-not-found", "There is no such note in your office.");
        }

        // The save is checked against the version the caller saw, not the one just loaded.
        db.Entry(note).Property(n => n.Version).OriginalValue = command.ExpectedVersion;
        note.Rename(command.Title);
        // Recorded before the unit of work saves, as the modules' handlers do.
        await audit.RecordAsync(new AuditRecord("Sender", AuditAction.Update, "SenderNote", note.Id.ToString(), Details: "title"), cancellationToken);
        return Unit.Value;
    }
}
