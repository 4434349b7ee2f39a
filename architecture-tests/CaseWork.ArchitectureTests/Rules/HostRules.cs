using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>
/// DESIGN.md, architecture rule 6: the host is the composition root and holds no business logic; it composes each
/// module through the module's entry type.
/// </summary>
internal static class HostRules
{
    /// <summary>Base types and interfaces that mark business logic (open generic names as in metadata).</summary>
    private static readonly IReadOnlyDictionary<string, string> BusinessLogicMarkers = new Dictionary<string, string>
    {
        ["CaseWork.BuildingBlocks.Messaging.ICommandHandler`2"] = "a command handler belongs in its module",
        ["CaseWork.BuildingBlocks.Messaging.IQueryHandler`2"] = "a query handler belongs in its module",
        ["CaseWork.BuildingBlocks.Messaging.IIntegrationEventHandler`1"] = "an integration-event handler belongs in its module",
        ["CaseWork.BuildingBlocks.Infrastructure.Persistence.ModuleDbContext"] = "a module store belongs in its module",
    };

    public static ArchitectureRule<TypeDefinition> HostHoldsNoBusinessLogic(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("host types", codebase.Host.AllTypes())
            .Must("not be handlers or module DbContexts", type => BusinessLogicMarkers
                .Where(marker => type.IsAssignableTo(marker.Key))
                .Select(marker => new Violation(type.FullName, marker.Key, marker.Value)));

    public static ArchitectureRule<TypeDefinition> HostUsesModulesOnlyThroughEntryTypes(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("host types", codebase.Host.AllTypes())
            .Must("use a module's implementation only through its entry type", type => TypeDependencies.Of(type)
                .Where(dependency => ModuleNaming.Parse(dependency.TargetAssembly) is { IsContracts: false }
                    && !ModuleEntryTypes.IsEntryType(dependency.Target.ResolveOrThrow()))
                .Select(dependency => dependency.ToViolation()));
}
