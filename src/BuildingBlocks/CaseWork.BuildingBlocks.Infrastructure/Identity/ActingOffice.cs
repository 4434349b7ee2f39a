using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.BuildingBlocks.Infrastructure.Identity;

/// <summary>The office a system path acts for within one DI scope; <see cref="HttpCurrentUser"/> reports it.</summary>
internal sealed class ActingOffice : IActingOffice
{
    public OfficeId? Current { get; private set; }

    public IDisposable Enter(OfficeId office)
    {
        var previous = Current;
        Current = office;
        return new Exit(this, previous);
    }

    private sealed class Exit(ActingOffice owner, OfficeId? previous) : IDisposable
    {
        public void Dispose() => owner.Current = previous;
    }
}
