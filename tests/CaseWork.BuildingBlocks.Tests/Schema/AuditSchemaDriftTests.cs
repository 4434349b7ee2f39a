using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit.Schema;

namespace CaseWork.BuildingBlocks.Tests.Schema;

/// <summary>The audit store's hand-written migration builds exactly the schema its model describes.</summary>
public sealed class AuditSchemaDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider) =>
        SchemaDrift.AssertNoDriftAsync<AuditDbContext>(provider, AuditDbContext.Store);
}
