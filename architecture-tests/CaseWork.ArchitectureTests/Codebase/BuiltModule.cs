using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Codebase;

/// <summary>A module as built: its two assemblies and the project files they came from.</summary>
internal sealed record BuiltModule(
    string Name,
    AssemblyDefinition Implementation,
    AssemblyDefinition Contracts,
    ProjectFile ImplementationProject,
    ProjectFile ContractsProject)
{
    public IEnumerable<AssemblyDefinition> Assemblies => [Implementation, Contracts];

    public IEnumerable<ProjectFile> Projects => [ImplementationProject, ContractsProject];

    public override string ToString() => Name;
}
