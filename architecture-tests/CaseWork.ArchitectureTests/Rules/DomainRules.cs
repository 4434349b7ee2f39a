using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>DESIGN.md, architecture rule 5: a module's domain code does not depend on EF Core, ASP.NET Core, Quartz or the host.</summary>
internal static class DomainRules
{
    /// <summary>Frameworks, database drivers and hosting that domain code must not touch, by assembly or namespace.</summary>
    private static readonly NamePrefixes Forbidden = new(
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Quartz",
        "Npgsql",
        "Microsoft.Data.Sqlite",
        "SQLitePCL",
        "CaseWork.BuildingBlocks.Infrastructure",
        "CaseWork.Host");

    /// <summary>
    /// Selects the module assemblies and checks the types in their <c>Domain</c> namespaces
    /// (<c>CaseWork.Modules.&lt;M&gt;.Domain</c> and below). Selecting assemblies rather than domain types keeps the
    /// selection non-empty while a module has no domain code yet; the canaries prove the condition bites.
    /// </summary>
    public static ArchitectureRule<AssemblyDefinition> DomainIsFreeOfFrameworksAndHost(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("Domain namespaces of module assemblies", codebase.Modules.Select(module => module.Implementation))
            .Must($"not depend on {Forbidden}", assembly => assembly.AllTypes()
                .Where(type => IsDomainCode(type, assembly))
                .SelectMany(TypeDependencies.Of)
                .Where(dependency => Forbidden.Match(dependency.TargetAssembly) || Forbidden.Match(dependency.TargetNamespace))
                .Select(dependency => dependency.ToViolation()));

    private static bool IsDomainCode(TypeDefinition type, AssemblyDefinition moduleAssembly) =>
        new NamePrefixes(moduleAssembly.Name.Name + ".Domain").Match(type.OutermostNamespace());
}
