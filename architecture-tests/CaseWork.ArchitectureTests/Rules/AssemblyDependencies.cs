using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>Conditions on what an assembly depends on, by the name of the assembly depended on.</summary>
internal static class AssemblyDependencies
{
    /// <summary>
    /// Every assembly reference in the manifest and every type use (signatures and method bodies) that reaches into
    /// an assembly <paramref name="isForbidden"/> rejects.
    /// </summary>
    public static IEnumerable<Violation> Reaching(AssemblyDefinition assembly, Func<string, bool> isForbidden)
    {
        var references = assembly.Modules
            .SelectMany(module => module.AssemblyReferences)
            .Where(reference => isForbidden(reference.Name))
            .Select(reference => new Violation(assembly.Name.Name, reference.Name, "assembly reference"));

        var uses = TypeDependencies.Of(assembly)
            .Where(dependency => isForbidden(dependency.TargetAssembly))
            .Select(dependency => dependency.ToViolation());

        return references.Concat(uses);
    }

    /// <summary>Like <see cref="Reaching"/>, with an allow-list: the assembly itself is always allowed.</summary>
    public static IEnumerable<Violation> OutsideOf(AssemblyDefinition assembly, Func<string, bool> isAllowed) =>
        Reaching(assembly, name => name != assembly.Name.Name && !isAllowed(name));
}
