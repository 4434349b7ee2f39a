using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit.Schema;

namespace CaseWork.Modules.InterpreterBooking.Tests;

/// <summary>The InterpreterBooking module's hand-written migrations build exactly the schema its model describes.</summary>
public sealed class SchemaDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider) =>
        SchemaDrift.AssertNoDriftAsync<InterpreterBookingDbContext>(provider, InterpreterBookingDbContext.StoreDescriptor);
}
