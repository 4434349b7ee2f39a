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
                break;
            case DatabaseProvider.Postgres:
                database.Validate();
                builder.UseNpgsql(
                    database.ConnectionString,
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
