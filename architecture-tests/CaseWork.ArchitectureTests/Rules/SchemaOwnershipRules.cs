using System.Reflection;
using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Engine;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.ArchitectureTests.Rules;

/// <summary>
/// DESIGN.md, architecture rule 4: each module's DbContext maps only its own schema, keeps its migrations history
/// there, and no foreign key crosses schemas. Unlike the other rules this one runs the code: it registers each
/// module's services as the host does, on PostgreSQL (the provider with schemas), and inspects the EF Core model.
/// Building a model needs the provider, never a server, so the connection string points nowhere.
/// </summary>
internal static class SchemaOwnershipRules
{
    private static readonly IConfiguration PostgresWithoutServer = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = "Host=model-only.invalid;Database=casework",
        })
        .Build();

    public static ArchitectureRule<BuiltModule> EachModuleMapsOnlyItsOwnSchema(CaseWorkCodebase codebase) =>
        ArchitectureRule.For("module DbContexts", codebase.Modules)
            .Must("map tables and the migrations history only into the module's schema, with no foreign key into another schema", SchemaViolations);

    private static List<Violation> SchemaViolations(BuiltModule module)
    {
        var entry = CreateEntryType(module);
        var services = new ServiceCollection().AddLogging().AddCaseWorkInfrastructure(PostgresWithoutServer);
        entry.AddServices(services, PostgresWithoutServer);

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(entry.DbContextType);
        var model = context.GetService<IDesignTimeModel>().Model;
        var schema = entry.Store.Schema;
        var subject = entry.DbContextType.FullName!;
        var violations = new List<Violation>();

        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var (kind, mappedSchema, name) in Mappings(entity).Where(m => m.Schema != schema))
            {
                violations.Add(new Violation(subject, entity.DisplayName(), $"{kind} {mappedSchema}.{name}, but the module owns schema {schema}"));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var principalSchema = foreignKey.PrincipalEntityType.GetSchema();
                if (principalSchema != schema)
                {
                    violations.Add(new Violation(
                        subject,
                        $"{entity.DisplayName()} -> {foreignKey.PrincipalEntityType.DisplayName()}",
                        $"foreign key into schema {principalSchema}; hold another module's entity by its id"));
                }
            }
        }

        var historySchema = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableSchema;
        if (historySchema != schema)
        {
            violations.Add(new Violation(subject, "migrations history", $"kept in schema {historySchema}, but the module owns schema {schema}"));
        }

        return violations;
    }

    private static IEnumerable<(string Kind, string? Schema, string Name)> Mappings(IEntityType entity)
    {
        if (entity.GetTableName() is { } table)
        {
            yield return ("table", entity.GetSchema(), table);
        }

        if (entity.GetViewName() is { } view)
        {
            yield return ("view", entity.GetViewSchema(), view);
        }
    }

    /// <summary>The module's entry type, created the way the host creates it.</summary>
    private static IModule CreateEntryType(BuiltModule module)
    {
        var assembly = Assembly.Load(module.Implementation.Name.Name);
        var entryType = assembly.GetExportedTypes().Single(type => type is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(type));
        return (IModule)Activator.CreateInstance(entryType)!;
    }
}
