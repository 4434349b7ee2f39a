using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.CanaryA.Contracts;

/// <summary>A well-formed integration event: a sealed, immutable record.</summary>
public sealed record LedgerOpened(Guid EventId, DateTimeOffset OccurredAt, Guid LedgerId) : IIntegrationEvent;
