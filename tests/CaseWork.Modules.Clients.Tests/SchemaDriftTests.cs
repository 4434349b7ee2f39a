using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.TestKit.Schema;

namespace CaseWork.Modules.Clients.Tests;

/// <summary>The Clients module's hand-written migrations build exactly the schema its model describes.</summary>
public sealed class SchemaDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider) =>
        SchemaDrift.AssertNoDriftAsync<ClientsDbContext>(provider, ClientsDbContext.StoreDescriptor);
}
