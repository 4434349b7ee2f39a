using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.CanaryB.Contracts;

/// <summary>Well-formed: a sealed, immutable record. No rule may report it.</summary>
public sealed record InvoiceIssued(Guid EventId, DateTimeOffset OccurredAt, Guid InvoiceId) : IIntegrationEvent;

/// <summary>Breaks the event style twice: the record is not sealed and <see cref="Amount"/> can be changed after publishing.</summary>
public record InvoiceSettled(Guid EventId, DateTimeOffset OccurredAt, Guid InvoiceId) : IIntegrationEvent
{
    public decimal Amount { get; set; }
}

/// <summary>Breaks the event style: a class, not a record.</summary>
public sealed class InvoiceCancelled : IIntegrationEvent
{
    public Guid EventId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
