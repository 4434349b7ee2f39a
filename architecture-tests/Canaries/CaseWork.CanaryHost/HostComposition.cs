using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.Modules.CanaryA;
using CaseWork.Modules.CanaryB;
using CaseWork.Modules.CanaryB.Contracts;

namespace CaseWork.CanaryHost;

internal static class HostComposition
{
    /// <summary>Allowed: the host composes modules through their entry types and may read their contracts.</summary>
    public static IReadOnlyList<IModule> Modules { get; } = [new CanaryAModule(), new CanaryBModule()];

    public static Type PublishedEvent => typeof(InvoiceIssued);

    /// <summary>Violation: a module type that is not its entry type, used in a method body.</summary>
    public static string Banner() => LeakedHelper.Describe();
}
