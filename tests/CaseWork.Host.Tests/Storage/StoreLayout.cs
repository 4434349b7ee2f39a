using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseWork.Host.Tests.Storage;

/// <summary>What the storage tests expect to find, and how they look at a started host's stores.</summary>
internal static class StoreLayout
{
    /// <summary>The module stores, named explicitly so a host that registers none cannot pass.</summary>
    public static readonly IReadOnlyList<string> ModuleStores = ["clients", "appointments", "referrals", "debt_counselling", "interpreter_booking"];

    /// <summary>Module stores plus the host-owned audit store (identity and scheduler come from their own work).</summary>
    public static readonly IReadOnlyList<string> RequiredStores = [.. ModuleStores, "audit"];

    /// <summary>Each store the host migrates at start-up, with the migration ids its context defines.</summary>
    public static IReadOnlyList<(StoreDescriptor Store, IReadOnlyList<string> Migrations)> MigratedStores(CaseWorkHostFactory host)
    {
        var migrator = host.Services.GetRequiredService<StoreMigrator>();
        return migrator.Stores.Select(store =>
        {
            using var scope = host.Services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            IReadOnlyList<string> migrations = context.Database.GetMigrations().ToList();
            return (store.Store, migrations);
        }).ToList();
    }

    /// <summary>Runs SQL statements.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query returning one text column.</summary>
    public static async Task<List<string>> QueryTextAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>
    /// Foreign keys whose table and referenced table sit in different schemas, as "schema.table → schema.table (name)".
    /// Modules hold each other's entities by id only (DESIGN.md rule 4), so this must stay empty.
    /// </summary>
    public static Task<List<string>> CrossSchemaForeignKeysAsync(string connectionString) =>
        QueryTextAsync(connectionString, """
            SELECT n.nspname || '.' || cl.relname || ' → ' || rn.nspname || '.' || rc.relname || ' (' || con.conname || ')'
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN pg_class rc ON rc.oid = con.confrelid
            JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE con.contype = 'f' AND n.nspname <> rn.nspname
            ORDER BY 1
            """);
}
