using CaseWork.Modules.CanaryA.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.CanaryB.Contracts;

/// <summary>Breaks the contracts rule: a persistence attribute from EF Core in a published DTO.</summary>
[Keyless]
public sealed record InvoiceSummary(Guid InvoiceId, decimal Amount);

/// <summary>Breaks the contracts rule: contracts depend on another module's contracts.</summary>
public sealed record LedgerSnapshot(LedgerOpened Opening);
