using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Keeps the query planner's statistics fresh. SQLite has no auto-analyse: without statistics its planner guesses, and
/// guesses badly on exactly the queries that matter (a client search then walks every client of the office instead of
/// looking up the few ids the search-term index found). <c>PRAGMA optimize</c> analyses the tables whose statistics
/// are missing or stale and does nothing otherwise, so it is cheap to run often. PostgreSQL's autovacuum analyses by
/// itself; nothing is done there.
/// </summary>
public sealed class StoreStatistics(IServiceScopeFactory scopes, StoreMigrator migrator)
{
    /// <summary>Refreshes the statistics of every SQLite store; returns how many stores it looked at.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var refreshed = 0;
        foreach (var store in migrator.Stores)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            if (!db.Database.IsSqlite())
            {
                continue;
            }

            // 0x10002: look at every table (not only those this connection used) and analyse where it helps.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            refreshed++;
        }

        return refreshed;
    }
}
