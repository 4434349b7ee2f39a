using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>
/// Every rule, by name. The tests run each one against CaseWork (it must hold) and against the canaries (it must
/// fail), so a rule added here without a canary that breaks it fails the build's tests.
/// </summary>
internal static class CaseWorkRules
{
    public static IReadOnlyDictionary<string, Func<CaseWorkCodebase, IArchitectureRule>> All { get; } =
        new Dictionary<string, Func<CaseWorkCodebase, IArchitectureRule>>(StringComparer.Ordinal)
        {
            ["module boundaries in assemblies"] = ModuleBoundaryRules.ModulesUseOtherModulesOnlyThroughContracts,
            ["module boundaries in projects"] = ModuleBoundaryRules.ModuleProjectsReferenceOtherModulesOnlyThroughContracts,
            ["contracts dependencies in assemblies"] = ContractsRules.ContractsDependOnlyOnKernelAndBcl,
            ["contracts dependencies in projects"] = ContractsRules.ContractsProjectsReferenceOnlyTheKernel,
            ["integration event style"] = ContractsRules.IntegrationEventsAreSealedImmutableRecords,
            ["domain free of frameworks and host"] = DomainRules.DomainIsFreeOfFrameworksAndHost,
            ["kernel on the BCL only"] = KernelRules.KernelDependsOnBclOnly,
            ["host without business logic"] = HostRules.HostHoldsNoBusinessLogic,
            ["host reaches modules via entry types"] = HostRules.HostUsesModulesOnlyThroughEntryTypes,
            ["one public entry type per module"] = EntryTypeRules.EachModuleHasExactlyOnePublicEntryType,
            ["schema ownership"] = SchemaOwnershipRules.EachModuleMapsOnlyItsOwnSchema,
        };
}
