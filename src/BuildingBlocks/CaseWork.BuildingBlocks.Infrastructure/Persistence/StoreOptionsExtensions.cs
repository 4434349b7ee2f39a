using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>The one place where the database provider is chosen for every store.</summary>
public static class StoreOptionsExtensions
{
    /// <summary>Configures a DbContext for <paramref name="store"/> on the configured provider.</summary>
    public static DbContextOptionsBuilder UseCaseWorkStore(
        this DbContextOptionsBuilder builder,
        DatabaseOptions database,
        StoreDescriptor store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(store);

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(
                    SqliteConnectionString(database, store),
                    sqlite => sqlite.MigrationsHistoryTable(StoreDescriptor.MigrationsHistoryTable, store.Schema));
                builder.AddInterceptors(SqliteConnectionSettings.Instance);
                if (!store.UsesEfSqliteFunctions)
                {
#pragma warning disable EF1001 // ADR 0046
                    builder.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, PlainSqliteRelationalConnection>();
#pragma warning restore EF1001
                }

                break;
            case DatabaseProvider.Postgres:
                database.Validate();
                builder.UseNpgsql(
                    PostgresConnectionString(database.ConnectionString!),
                    npgsql => npgsql.MigrationsHistoryTable(StoreDescriptor.MigrationsHistoryTable, store.Schema));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
        }

        // Migrations are hand-written and have no model snapshot; the schema-drift tests guard model and
        // migrations instead (ADR 0006), so EF's snapshot comparison would only ever report noise.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    /// <summary>
    /// The operator's PostgreSQL connection string with two defaults for how the stores use their pooled connections
    /// (ADR 0028), each only where the operator has not set it: <c>No Reset On Close</c> (a request opens and returns a
    /// connection for every statement, and the stores keep no session state - advisory locks are transaction-scoped, no
    /// SET, no LISTEN, no temporary tables - so the DISCARD ALL that would precede every statement resets nothing) and
    /// <c>Max Auto Prepare</c> (the few statements every request runs are parsed and planned once per connection).
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    /// <summary>Statements kept prepared per PostgreSQL connection (Npgsql prepares one after it ran five times).</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>The SQLite connection string of a store: one file per store in the data directory.</summary>
    public static string SqliteConnectionString(DatabaseOptions database, StoreDescriptor store)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(store);
        var directory = database.ResolvedDataDirectory;
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, store.Name + ".db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
