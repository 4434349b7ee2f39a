using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>
/// The shared kernel is what every contract may use, so whatever it depends on every module's contracts depend on:
/// it stays on the BCL.
/// </summary>
internal static class KernelRules
{
    public static ArchitectureRule<AssemblyDefinition> KernelDependsOnBclOnly(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("the shared kernel", [codebase.Kernel])
            .Must("depend on the BCL only", kernel =>
                AssemblyDependencies.OutsideOf(kernel, codebase.BaseClassLibrary.Contains));
}
