namespace CaseWork.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module publishes for others, declared in its <c>.Contracts</c> project.
/// Written to the publisher's outbox in the same transaction as the change, delivered afterwards.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this occurrence; receivers use it to skip redeliveries.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Receives one kind of integration event inside the receiving module. Must be safe to retry.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>Applies the event to the receiving module's own data.</summary>
    Task Handle(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>Adds integration events to the current module's outbox; they are saved with the module's next commit.</summary>
public interface IIntegrationEventOutbox
{
    /// <summary>Queues the event for delivery after the surrounding change commits.</summary>
    void Enqueue(IIntegrationEvent integrationEvent);
}
