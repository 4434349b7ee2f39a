using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Identity;
using CaseWork.TestKit.Schema;

namespace CaseWork.Host.Tests.Identity;

/// <summary>The identity store's hand-written migration builds exactly the schema the Identity model describes.</summary>
public sealed class IdentitySchemaDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider) =>
        SchemaDrift.AssertNoDriftAsync<IdentityStoreDbContext>(provider, IdentityStoreDbContext.Store);
}
