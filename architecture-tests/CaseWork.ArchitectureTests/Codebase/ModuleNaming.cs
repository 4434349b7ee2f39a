namespace CaseWork.ArchitectureTests.Codebase;

/// <summary>
/// How module assemblies and projects are named: <c>CaseWork.Modules.&lt;Module&gt;</c> for the implementation and
/// <c>CaseWork.Modules.&lt;Module&gt;.Contracts</c> for what others may use. Any other
/// <c>CaseWork.Modules.&lt;Module&gt;.*</c> name would be part of that module's implementation.
/// </summary>
internal static class ModuleNaming
{
    private const string Prefix = "CaseWork.Modules.";
    private const string ContractsSuffix = ".Contracts";

    public static string Implementation(string module) => Prefix + module;

    public static string Contracts(string module) => Prefix + module + ContractsSuffix;

    /// <summary>The module an assembly or project belongs to, or null when it is not part of a module.</summary>
    public static ModulePart? Parse(string assemblyName)
    {
        if (!assemblyName.StartsWith(Prefix, StringComparison.Ordinal) || assemblyName.Length == Prefix.Length)
        {
            return null;
        }

        var rest = assemblyName[Prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var module = dot < 0 ? rest : rest[..dot];
        return new ModulePart(module, IsContracts: assemblyName == Contracts(module));
    }
}

/// <summary>A module assembly or project: which module, and whether it is the module's contracts.</summary>
internal sealed record ModulePart(string Module, bool IsContracts);
