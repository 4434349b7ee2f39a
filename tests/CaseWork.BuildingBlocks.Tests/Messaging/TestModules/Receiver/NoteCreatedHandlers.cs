using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Contracts;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;

/// <summary>First subscriber: records the note; leaves saving to the dispatcher's transaction.</summary>
internal sealed class RecordReceivedNote(ReceiverDbContext db, TimeProvider time, HandlerFaults faults) : IIntegrationEventHandler<NoteCreated>
{
    public async Task Handle(NoteCreated integrationEvent, CancellationToken cancellationToken)
    {
        await faults.MeetAsync(GetType());
        faults.OnHandling(GetType());
        db.ReceivedNotes.Add(new ReceivedNote
        {
            Id = Guid.CreateVersion7(),
            NoteId = integrationEvent.NoteId,
            Title = integrationEvent.Title,
            Handler = nameof(RecordReceivedNote),
            ReceivedAt = time.GetUtcNow(),
        });
    }
}

/// <summary>Second subscriber: saves its own row itself, which must still commit or roll back with its inbox row.</summary>
internal sealed class AcknowledgeReceivedNote(ReceiverDbContext db, TimeProvider time, HandlerFaults faults) : IIntegrationEventHandler<NoteCreated>
{
    public async Task Handle(NoteCreated integrationEvent, CancellationToken cancellationToken)
    {
        db.ReceivedNotes.Add(new ReceivedNote
        {
            Id = Guid.CreateVersion7(),
            NoteId = integrationEvent.NoteId,
            Title = integrationEvent.Title,
            Handler = nameof(AcknowledgeReceivedNote),
            ReceivedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);

        // Fails after its row is saved: the dispatcher's transaction must take the row back.
        faults.OnHandling(GetType());
    }
}
