namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;

/// <summary>The receiver's own record of a note it was told about, one per handling subscriber.</summary>
internal sealed class ReceivedNote
{
    public Guid Id { get; set; }

    public Guid NoteId { get; set; }

    public string Title { get; set; } = "";

    public string Handler { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
