using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.CanaryA.Domain;

/// <summary>Clean domain code: the kernel and the BCL only.</summary>
internal sealed class Ledger
{
    public Guid Id { get; private set; } = Guid.NewGuid();

    public OfficeId OfficeId { get; private set; }

    public decimal Balance { get; private set; }

    public void Book(decimal amount) => Balance += amount;
}
