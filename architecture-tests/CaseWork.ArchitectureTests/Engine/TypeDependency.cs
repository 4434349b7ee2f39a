using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Engine;

/// <summary>One use of a type, found in metadata or in IL.</summary>
/// <param name="Origin">The type that uses it (lambdas and state machines count for the type that declared them), or the assembly for assembly-level attributes.</param>
/// <param name="Target">The type used, reduced to a plain type: no arrays, generic instances or modifiers.</param>
/// <param name="Site">Where the use is, e.g. "base type", "field _items", "body of Reach".</param>
internal sealed record TypeDependency(string Origin, TypeReference Target, string Site)
{
    public string TargetAssembly => Target.AssemblyName();

    public string TargetNamespace => Target.OutermostNamespace();

    /// <summary>The target as reported: full name and assembly, e.g. <c>Quartz.CronExpression [Quartz]</c>.</summary>
    public string TargetDisplay => $"{Target.FullName} [{TargetAssembly}]";

    public Violation ToViolation() => new(Origin, TargetDisplay, Site);
}
