using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Engine;

/// <summary>Questions about Cecil's metadata that the rules ask in their own words.</summary>
internal static class CecilExtensions
{
    private const string CompilerGeneratedAttribute = "System.Runtime.CompilerServices.CompilerGeneratedAttribute";

    /// <summary>Every type of the assembly, nested ones included, without the <c>&lt;Module&gt;</c> pseudo type.</summary>
    public static IEnumerable<TypeDefinition> AllTypes(this AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(m => m.GetTypes()).Where(t => t.Name != "<Module>");

    /// <summary>The name of the assembly that defines the type (for a nested type, that of its outermost type).</summary>
    public static string AssemblyName(this TypeReference type)
    {
        var outermost = type.GetElementType();
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }

        return outermost.Scope switch
        {
            AssemblyNameReference assembly => assembly.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            var other => other.Name,
        };
    }

    /// <summary>The namespace the type is declared in; nested types have none of their own in metadata.</summary>
    public static string OutermostNamespace(this TypeReference type)
    {
        var outermost = type.GetElementType();
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }

        return outermost.Namespace;
    }

    /// <summary>Closures, iterators, async state machines, anonymous types and other types the compiler made up.</summary>
    public static bool IsCompilerGenerated(this TypeDefinition type) =>
        type.Name.StartsWith('<') || type.CustomAttributes.Any(a => a.AttributeType.FullName == CompilerGeneratedAttribute);

    /// <summary>The type a developer wrote that a compiler-generated type belongs to (itself for hand-written types).</summary>
    public static TypeDefinition AuthoredType(this TypeDefinition type)
    {
        while (type.IsCompilerGenerated() && type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>Whether code in another assembly can see the type (public, or nested visibly in a visible type).</summary>
    public static bool IsVisibleOutsideAssembly(this TypeDefinition type)
    {
        if (type.DeclaringType is null)
        {
            return type.IsPublic;
        }

        return (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamilyOrAssembly)
            && type.DeclaringType.IsVisibleOutsideAssembly();
    }

    /// <summary>The type and its base types, resolved through the assembly resolver; fails loudly when one cannot be found.</summary>
    public static IEnumerable<TypeDefinition> SelfAndBaseTypes(this TypeDefinition type)
    {
        for (TypeDefinition? current = type; current is not null; current = current.BaseType?.ResolveOrThrow())
        {
            yield return current;
        }
    }

    /// <summary>Whether the type or one of its base types derives from or implements the named type.</summary>
    /// <param name="type">The type to examine.</param>
    /// <param name="fullName">The full name of a class or (open generic) interface, e.g. <c>CaseWork.BuildingBlocks.Messaging.ICommandHandler`2</c>.</param>
    public static bool IsAssignableTo(this TypeDefinition type, string fullName) =>
        type.SelfAndBaseTypes().Any(t =>
            t.FullName == fullName || t.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == fullName));

    public static TypeDefinition ResolveOrThrow(this TypeReference type) =>
        type.Resolve() ?? throw new InvalidOperationException(
            $"Cannot resolve {type.FullName} from {type.AssemblyName()}; the architecture tests refuse to guess.");
}
