using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Support;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Persistence;

/// <summary>Every SQLite connection a store opens runs with synchronous=NORMAL (ADR 0017), not the flush-per-commit default.</summary>
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task A_store_connection_runs_with_synchronous_normal()
    {
        using var folder = new TempDataDirectory();
        var options = StoreOptions.For<AuditDbContext>(TestDatabases.Sqlite(folder.Path), AuditDbContext.Store);
        await using (var db = new AuditDbContext(options))
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";

            // 1 = NORMAL (the library's default would be 2 = FULL).
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_setting_is_applied_once_per_native_connection_and_again_on_a_new_one()
    {
        using var folder = new TempDataDirectory();
        var options = StoreOptions.For<AuditDbContext>(TestDatabases.Sqlite(folder.Path), AuditDbContext.Store);

        // The same native connection comes back from the pool: it keeps the setting and needs nothing more.
        Assert.Equal(1L, await SynchronousAsync(options));
        await using (var db = new AuditDbContext(options))
        {
            await db.Database.OpenConnectionAsync();
            Assert.False(SqliteConnectionSettings.NeedsSettings(db.Database.GetDbConnection(), out _));
        }

        // The pool closed its native connections: the next one is new and gets the setting too.
        SqliteConnection.ClearAllPools();
        Assert.Equal(1L, await SynchronousAsync(options));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<object?> SynchronousAsync(DbContextOptions<AuditDbContext> options)
    {
        await using var db = new AuditDbContext(options);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return await command.ExecuteScalarAsync();
    }
}
