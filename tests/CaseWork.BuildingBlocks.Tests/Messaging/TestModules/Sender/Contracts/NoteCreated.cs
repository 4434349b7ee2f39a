using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Contracts;

/// <summary>The test event: the sender module published a note.</summary>
internal sealed record NoteCreated(Guid EventId, DateTimeOffset OccurredAt, Guid NoteId, string Title) : IIntegrationEvent;
