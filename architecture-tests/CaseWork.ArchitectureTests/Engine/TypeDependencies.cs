using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CaseWork.ArchitectureTests.Engine;

/// <summary>
/// Finds every type a type uses: base type, interfaces, attributes (with their typeof and enum arguments), generic
/// arguments and constraints, field, property, event and method signatures, explicit overrides, and method bodies —
/// locals, caught exceptions and every type, method and field an instruction names. A use inside a method body counts
/// as much as one in a signature.
/// </summary>
internal static class TypeDependencies
{
    /// <summary>The dependencies of every type in the assembly, plus those of its assembly- and module-level attributes.</summary>
    public static IEnumerable<TypeDependency> Of(AssemblyDefinition assembly)
    {
        var assemblyLevel = new Collector(assembly.Name.Name);
        assemblyLevel.Attributes(assembly.CustomAttributes, "assembly attribute");
        foreach (var module in assembly.Modules)
        {
            assemblyLevel.Attributes(module.CustomAttributes, "module attribute");
        }

        return assemblyLevel.Found.Concat(assembly.AllTypes().SelectMany(Of));
    }

    /// <summary>
    /// The dependencies of one type, not of its nested types (enumerate those separately). Compiler-generated nested
    /// types report their uses under the type the developer wrote.
    /// </summary>
    public static IReadOnlyList<TypeDependency> Of(TypeDefinition type)
    {
        var origin = type.AuthoredType();
        var collector = new Collector(origin.FullName);
        collector.Type(type, memberPrefix: ReferenceEquals(origin, type) ? "" : type.Name + "::");
        return collector.Found;
    }

    private sealed class Collector(string origin)
    {
        public List<TypeDependency> Found { get; } = [];

        public void Type(TypeDefinition type, string memberPrefix)
        {
            Attributes(type.CustomAttributes, $"attribute on {memberPrefix}type");
            GenericParameters(type.GenericParameters, $"generic constraint of {memberPrefix}type");
            Uses(type.BaseType, "base type");
            foreach (var implementation in type.Interfaces)
            {
                Uses(implementation.InterfaceType, "interface");
            }

            foreach (var field in type.Fields)
            {
                Uses(field.FieldType, $"field {memberPrefix}{field.Name}");
                Attributes(field.CustomAttributes, $"attribute on field {memberPrefix}{field.Name}");
            }

            foreach (var property in type.Properties)
            {
                Uses(property.PropertyType, $"property {memberPrefix}{property.Name}");
                Attributes(property.CustomAttributes, $"attribute on property {memberPrefix}{property.Name}");
            }

            foreach (var @event in type.Events)
            {
                Uses(@event.EventType, $"event {memberPrefix}{@event.Name}");
                Attributes(@event.CustomAttributes, $"attribute on event {memberPrefix}{@event.Name}");
            }

            foreach (var method in type.Methods)
            {
                Method(method, memberPrefix + method.Name);
            }
        }

        public void Attributes(IEnumerable<CustomAttribute> attributes, string site)
        {
            foreach (var attribute in attributes)
            {
                Uses(attribute.AttributeType, site);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    AttributeArgument(argument, site);
                }

                foreach (var named in attribute.Properties.Concat(attribute.Fields))
                {
                    AttributeArgument(named.Argument, site);
                }
            }
        }

        private void Method(MethodDefinition method, string name)
        {
            var signature = $"signature of {name}";
            Attributes(method.CustomAttributes, $"attribute on {name}");
            Attributes(method.MethodReturnType.CustomAttributes, signature);
            GenericParameters(method.GenericParameters, signature);
            Uses(method.ReturnType, signature);
            foreach (var parameter in method.Parameters)
            {
                Uses(parameter.ParameterType, signature);
                Attributes(parameter.CustomAttributes, signature);
            }

            foreach (var overridden in method.Overrides)
            {
                UsesMember(overridden, signature);
            }

            if (method.HasBody)
            {
                Body(method.Body, $"body of {name}");
            }
        }

        private void Body(MethodBody body, string site)
        {
            foreach (var variable in body.Variables)
            {
                Uses(variable.VariableType, site);
            }

            foreach (var handler in body.ExceptionHandlers)
            {
                Uses(handler.CatchType, site);
            }

            foreach (var instruction in body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference type:
                        Uses(type, site);
                        break;
                    case MethodReference method:
                        UsesMember(method, site);
                        break;
                    case FieldReference field:
                        Uses(field.DeclaringType, site);
                        Uses(field.FieldType, site);
                        break;
                    case CallSite callSite:
                        Uses(callSite.ReturnType, site);
                        foreach (var parameter in callSite.Parameters)
                        {
                            Uses(parameter.ParameterType, site);
                        }

                        break;
                }
            }
        }

        private void UsesMember(MethodReference method, string site)
        {
            Uses(method.DeclaringType, site);
            Uses(method.ReturnType, site);
            foreach (var parameter in method.Parameters)
            {
                Uses(parameter.ParameterType, site);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Uses(argument, site);
                }
            }
        }

        private void GenericParameters(IEnumerable<GenericParameter> parameters, string site)
        {
            foreach (var parameter in parameters)
            {
                Attributes(parameter.CustomAttributes, site);
                foreach (var constraint in parameter.Constraints)
                {
                    Uses(constraint.ConstraintType, site);
                }
            }
        }

        private void AttributeArgument(CustomAttributeArgument argument, string site)
        {
            // The argument's own type catches enum arguments; its value catches typeof(...) and nested arrays.
            Uses(argument.Type, site);
            switch (argument.Value)
            {
                case TypeReference type:
                    Uses(type, site);
                    break;
                case CustomAttributeArgument boxed:
                    AttributeArgument(boxed, site);
                    break;
                case CustomAttributeArgument[] elements:
                    foreach (var element in elements)
                    {
                        AttributeArgument(element, site);
                    }

                    break;
            }
        }

        private void Uses(TypeReference? type, string site)
        {
            foreach (var plain in PlainTypes(type))
            {
                Found.Add(new TypeDependency(origin, plain, site));
            }
        }

        /// <summary>Takes composite types apart: <c>List&lt;Invoice[]&gt;</c> uses <c>List`1</c> and <c>Invoice</c>.</summary>
        private static IEnumerable<TypeReference> PlainTypes(TypeReference? type)
        {
            switch (type)
            {
                case null:
                case GenericParameter:
                    return [];
                case GenericInstanceType generic:
                    return PlainTypes(generic.ElementType).Concat(generic.GenericArguments.SelectMany(PlainTypes));
                case IModifierType modified:
                    return PlainTypes(modified.ModifierType).Concat(PlainTypes(modified.ElementType));
                case FunctionPointerType pointer:
                    return PlainTypes(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => PlainTypes(p.ParameterType)));
                case TypeSpecification specification:
                    return PlainTypes(specification.ElementType);
                default:
                    return [type];
            }
        }
    }
}
