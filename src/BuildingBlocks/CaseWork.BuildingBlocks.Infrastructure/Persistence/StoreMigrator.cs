using Microsoft.EntityFrameworkCore;
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
