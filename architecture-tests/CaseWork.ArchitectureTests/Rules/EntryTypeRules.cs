using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>DESIGN.md, architecture rule 6: each module exposes one public entry type; everything else is internal.</summary>
internal static class EntryTypeRules
{
    /// <summary>Namespaces of public types that tools generate rather than developers write.</summary>
    private static readonly NamePrefixes ToolGenerated = new("AspNetCoreGeneratedDocument", "Microsoft.CodeAnalysis");

    public static ArchitectureRule<AssemblyDefinition> EachModuleHasExactlyOnePublicEntryType(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("module assemblies", codebase.Modules.Select(module => module.Implementation))
            .Must($"have exactly one public type, the entry type implementing {ModuleEntryTypes.ModuleContract}", PublicSurfaceViolations);

    private static IEnumerable<Violation> PublicSurfaceViolations(AssemblyDefinition assembly)
    {
        var visible = assembly.AllTypes()
            .Where(type => type.IsVisibleOutsideAssembly() && !type.IsCompilerGenerated() && !ToolGenerated.Match(type.OutermostNamespace()))
            .ToList();
        var entryTypes = visible.Where(ModuleEntryTypes.IsEntryType).ToList();
        var module = assembly.Name.Name;

        if (entryTypes.Count == 0)
        {
            yield return new Violation(module, ModuleEntryTypes.ModuleContract, "no public type implements it: the module has no entry type");
        }

        foreach (var extraEntry in entryTypes.Skip(1))
        {
            yield return new Violation(module, extraEntry.FullName, "a second public entry type");
        }

        foreach (var type in visible.Except(entryTypes))
        {
            yield return new Violation(module, type.FullName, "public type besides the entry type: make it internal");
        }
    }
}
