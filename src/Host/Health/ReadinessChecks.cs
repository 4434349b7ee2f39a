using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseWork.Host.Health;

/// <summary>Ready when every store answers and has no pending migration.</summary>
internal sealed class DatabasesReadyCheck(IServiceScopeFactory scopes, StoreMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unreachable = new List<string>();
        foreach (var store in migrator.Stores)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                unreachable.Add(store.Store.Name);
            }
        }

        if (unreachable.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Stores not reachable: {string.Join(", ", unreachable)}");
        }

        var pending = migrator.AllApplied ? [] : await migrator.StoresWithPendingMigrationsAsync(cancellationToken);
        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{migrator.Stores.Count} stores reachable and migrated")
            : HealthCheckResult.Unhealthy($"Stores with pending migrations: {string.Join(", ", pending)}");
    }
}
