using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>
/// DESIGN.md, architecture rule 2: Contracts reference nothing but the CaseWork.BuildingBlocks kernel and the BCL —
/// not the infrastructure, not EF Core or ASP.NET Core, and not other modules' contracts (a contract that needs
/// another module's types would couple every consumer to both). STYLE.md: events are records.
/// </summary>
internal static class ContractsRules
{
    private const string Kernel = "CaseWork.BuildingBlocks";
    private const string IntegrationEvent = "CaseWork.BuildingBlocks.Messaging.IIntegrationEvent";
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    public static ArchitectureRule<AssemblyDefinition> ContractsDependOnlyOnKernelAndBcl(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("Contracts assemblies", codebase.Modules.Select(module => module.Contracts))
            .Must($"depend on nothing but {Kernel} and the BCL", contracts =>
                AssemblyDependencies.OutsideOf(contracts, name => name == Kernel || codebase.BaseClassLibrary.Contains(name)));

    public static ArchitectureRule<ProjectFile> ContractsProjectsReferenceOnlyTheKernel(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("Contracts projects", codebase.Modules.Select(module => module.ContractsProject))
            .Must($"reference no project but {Kernel}, and no package or framework", project =>
                project.ProjectReferences.Where(reference => reference != Kernel)
                    .Select(reference => new Violation(project.Name, reference, "ProjectReference"))
                    .Concat(project.PackageReferences.Select(package => new Violation(project.Name, package, "PackageReference")))
                    .Concat(project.FrameworkReferences.Select(framework => new Violation(project.Name, framework, "FrameworkReference"))));

    /// <summary>
    /// STYLE.md: events are records; an event is a published fact, so it cannot change after it was raised and cannot
    /// be extended by a subclass that consumers do not know. Selects the Contracts assemblies rather than the events,
    /// so that the rule selects something before the first module publishes an event.
    /// </summary>
    public static ArchitectureRule<AssemblyDefinition> IntegrationEventsAreSealedImmutableRecords(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("integration events in Contracts assemblies", codebase.Modules.Select(module => module.Contracts))
            .Must("be sealed records without setters", contracts => contracts.AllTypes()
                .Where(type => !type.IsCompilerGenerated() && !type.IsInterface && type.IsAssignableTo(IntegrationEvent))
                .SelectMany(EventStyleViolations));

    private static IEnumerable<Violation> EventStyleViolations(TypeDefinition @event)
    {
        if (!IsRecord(@event))
        {
            yield return new Violation(@event.FullName, "class", "an integration event is a record");
        }
        else if (!@event.IsSealed && !@event.IsAbstract)
        {
            yield return new Violation(@event.FullName, "unsealed record", "a concrete integration event is sealed");
        }

        foreach (var property in @event.Properties.Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p.SetMethod)))
        {
            yield return new Violation(@event.FullName, $"{property.Name} {{ set; }}", "an integration event is immutable: init, not set");
        }

        foreach (var field in @event.Fields.Where(f => f.IsPublic && !f.IsInitOnly && !f.IsLiteral))
        {
            yield return new Violation(@event.FullName, field.Name, "an integration event is immutable: no writable public field");
        }
    }

    // The compiler gives every record a clone method with this unspeakable name.
    private static bool IsRecord(TypeDefinition type) => type.Methods.Any(m => m.Name == "<Clone>$");

    private static bool IsInitOnly(MethodDefinition setter) =>
        setter.ReturnType is RequiredModifierType modifier && modifier.ModifierType.FullName == IsExternalInit;
}
