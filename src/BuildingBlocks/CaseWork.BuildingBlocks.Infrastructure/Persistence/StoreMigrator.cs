using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A DbContext whose migrations are applied at start-up.</summary>
/// <param name="DbContextType">The context type.</param>
/// <param name="Store">Its store.</param>
public sealed record MigratedStore(Type DbContextType, StoreDescriptor Store);

/// <summary>
/// Applies every registered store's migrations. Several host instances may start at once on one PostgreSQL:
/// EF Core takes a database lock around each store's migration, so each migration runs once.
/// </summary>
public sealed partial class StoreMigrator(IServiceScopeFactory scopes, IEnumerable<MigratedStore> stores, ILogger<StoreMigrator> logger)
{
    /// <summary>The stores, in registration order.</summary>
    public IReadOnlyList<MigratedStore> Stores { get; } = stores.DistinctBy(s => s.DbContextType).ToList();

    /// <summary>
    /// Whether <see cref="MigrateAllAsync"/> completed in this process. Migrations are compiled in, so once applied they
    /// cannot become pending again without a restart; readiness then need not ask every store on every probe.
    /// </summary>
    public bool AllApplied { get; private set; }

    /// <summary>Applies pending migrations of every store.</summary>
    public async Task MigrateAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var store in Stores)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            await BuildRelationalModelsAsync(db, cancellationToken);
            await CreateHistoryTableOnPostgresAsync(db, store.Store, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (db.Database.IsSqlite())
            {
                // WAL lets readers and one writer work at the same time; the setting is stored in the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.CloseConnectionAsync();
            }

            if (pending.Count > 0)
            {
                LogApplying(store.Store.Name, pending.Count);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        AllApplied = true;
    }

    /// <summary>
    /// Builds the store's relational models (the runtime one and the design-time one migrations use) before anything else
    /// in this host uses them, one store at a time for the whole process (ADR 0054).
    /// </summary>
    /// <remarks>
    /// EF Core 10 builds a model's relational model on first use, and that first use has a gap: a thread that finds no
    /// relational model yet and is then held up while another thread builds it and removes the factory it was built
    /// from finds neither and throws "The model must be finalized …". Contexts of one type with the same options share one
    /// model across the process, so two hosts starting at once (tests), or a burst of requests right after a start, can meet
    /// in that gap.
    /// Built here under one process-wide gate, the first use happens once, alone, before the host serves anything.
    /// </remarks>
    internal static async Task BuildRelationalModelsAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await RelationalModelGate.WaitAsync(cancellationToken);
        try
        {
            _ = db.Model.GetRelationalModel();
            _ = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        }
        finally
        {
            RelationalModelGate.Release();
        }
    }

    private static readonly SemaphoreSlim RelationalModelGate = new(1, 1);

    /// <summary>
    /// On PostgreSQL, creates the store's migrations history table when its schema has none yet: on a new database, before
    /// anything asks which migrations are applied (ADR 0059).
    /// </summary>
    /// <remarks>
    /// Npgsql does not look whether the history table exists: it reads it and catches "relation does not exist"
    /// (npgsql/efcore.pg#3407). EF Core logs each such read as a failed command at error level, two per store, so a new
    /// installation started with fourteen errors before anything had gone wrong. The table is looked for in the catalog
    /// first, so a migrated database runs no DDL at start-up. Creating it is what <c>MigrateAsync</c> does next anyway,
    /// with <c>IF NOT EXISTS</c> and outside its lock (its lock is a <c>LOCK TABLE</c> on this very table).
    /// </remarks>
    private static async Task CreateHistoryTableOnPostgresAsync(DbContext db, StoreDescriptor store, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var exists = await db.Database.SqlQuery<bool>(
            $"""
             SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                            WHERE n.nspname = {store.Schema} AND c.relname = {StoreDescriptor.MigrationsHistoryTable}) AS "Value"
             """).SingleAsync(cancellationToken);
        if (!exists)
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>The stores that still have pending migrations (for the readiness check).</summary>
    public async Task<IReadOnlyList<string>> StoresWithPendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<string>();
        foreach (var store in Stores)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                result.Add(store.Store.Name);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to store {Store}")]
    private partial void LogApplying(string store, int count);
}
