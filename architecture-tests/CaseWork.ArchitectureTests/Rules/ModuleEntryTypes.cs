using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>What makes a type a module's entry type: visible outside its assembly and implementing <c>IModule</c>.</summary>
internal static class ModuleEntryTypes
{
    public const string ModuleContract = "CaseWork.BuildingBlocks.Infrastructure.Modules.IModule";

    public static bool IsEntryType(TypeDefinition type) =>
        type.IsVisibleOutsideAssembly() && !type.IsInterface && type.IsAssignableTo(ModuleContract);
}
