using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseWork.BuildingBlocks.Tests.Persistence;

/// <summary>
/// The stores' PostgreSQL connections skip the reset on return to the pool and prepare their frequent statements
/// (ADR 0028), unless the operator's connection string says otherwise.
/// </summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void The_defaults_are_added_to_the_operators_connection_string()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            StoreOptionsExtensions.PostgresConnectionString("Host=db.example;Database=casework;Username=casework;Password=secret;Maximum Pool Size=12"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(StoreOptionsExtensions.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal("db.example", tuned.Host);
        Assert.Equal("secret", tuned.Password);
        Assert.Equal(12, tuned.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=False;maxautoprepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void What_the_operator_set_is_kept_however_it_is_spelled(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(StoreOptionsExtensions.PostgresConnectionString(connectionString));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }

    [Fact]
    public void A_store_on_postgres_connects_with_the_tuned_string()
    {
        var options = StoreOptions.For<AuditDbContext>(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=none;Username=u;Password=p" },
            AuditDbContext.Store);
        using var db = new AuditDbContext(options);

        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.True(used.NoResetOnClose);
        Assert.Equal(StoreOptionsExtensions.MaxAutoPrepare, used.MaxAutoPrepare);
    }
}
