using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.TestKit.Schema;

namespace CaseWork.Modules.Referrals.Tests;

/// <summary>The Referrals module's hand-written migrations build exactly the schema its model describes.</summary>
public sealed class SchemaDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider) =>
        SchemaDrift.AssertNoDriftAsync<ReferralsDbContext>(provider, ReferralsDbContext.StoreDescriptor);
}
