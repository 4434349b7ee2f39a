using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>The sender's own record: office-owned and checked for concurrent edits, like a case record.</summary>
internal sealed class SenderNote : IOfficeScoped, IVersioned
{
    public SenderNote(Guid id, OfficeId officeId, string title, DateTimeOffset createdAt)
    {
        Id = id;
        OfficeId = officeId;
        Title = title;
        CreatedAt = createdAt;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public void Rename(string title) => Title = title;
}
