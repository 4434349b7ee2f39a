using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>DESIGN.md, architecture rule 2: a module references other modules only through their Contracts.</summary>
internal static class ModuleBoundaryRules
{
    public static ArchitectureRule<AssemblyDefinition> ModulesUseOtherModulesOnlyThroughContracts(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("module assemblies", codebase.Modules.SelectMany(module => module.Assemblies))
            .Must("use another module only through its Contracts", assembly =>
                AssemblyDependencies.Reaching(assembly, target => IsAnotherModulesImplementation(target, ModuleOf(assembly.Name.Name))));

    /// <summary>The same rule on project files: a reference nothing uses yet leaves no trace in the assembly.</summary>
    public static ArchitectureRule<ProjectFile> ModuleProjectsReferenceOtherModulesOnlyThroughContracts(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("module projects", codebase.Modules.SelectMany(module => module.Projects))
            .Must("reference another module's project only if it is that module's Contracts", project =>
                project.ProjectReferences
                    .Where(reference => IsAnotherModulesImplementation(reference, ModuleOf(project.Name)))
                    .Select(reference => new Violation(project.Name, reference, "ProjectReference")));

    private static string ModuleOf(string assemblyName) =>
        ModuleNaming.Parse(assemblyName)?.Module
        ?? throw new InvalidOperationException($"{assemblyName} is not named like a module assembly.");

    private static bool IsAnotherModulesImplementation(string assemblyName, string ownModule) =>
        ModuleNaming.Parse(assemblyName) is { IsContracts: false } part && part.Module != ownModule;
}
