using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.CanaryA;
using CaseWork.Modules.CanaryA.Contracts;

namespace CaseWork.Modules.CanaryB.Reconciliation;

/// <summary>Violation hidden in a method body: no signature mentions CanaryA's implementation.</summary>
internal sealed class LedgerPeek
{
    public string ModuleName() => new CanaryAModule().Name;
}

/// <summary>Violation hidden in a lambda, which the compiler moves into a nested generated type.</summary>
internal sealed class DeferredLedgerPeek
{
    public Func<int> NavigationCount() => () => new CanaryAModule().Navigation.Count;
}

/// <summary>Violation hidden in a generic argument of a field type.</summary>
internal sealed class LedgerRegistry
{
    private readonly List<CanaryAModule> _modules = [];

    public int Count => _modules.Count;
}

/// <summary>Allowed: another module's contracts.</summary>
internal sealed class LedgerOpenedHandler : IIntegrationEventHandler<LedgerOpened>
{
    public Task Handle(LedgerOpened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
