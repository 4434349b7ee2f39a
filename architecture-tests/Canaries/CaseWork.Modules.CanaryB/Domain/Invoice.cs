using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.CanaryB.Domain;

/// <summary>Violation: EF Core in the domain, through an attribute.</summary>
[Index(nameof(Number))]
internal sealed class Invoice
{
    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Number { get; private set; } = "";
}
