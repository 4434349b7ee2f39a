using System.Data;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Persistence;

/// <summary>
/// The plumbing every hand-written read shares (<see cref="StoreSql.OnConnectionAsync{T}"/>): its commands run on the
/// context's own connection, in its transaction, and it leaves that connection as it found it.
/// </summary>
public sealed class StoreSqlTests
{
    [Fact]
    public async Task A_read_inside_the_context_s_transaction_sees_its_uncommitted_rows()
    {
        using var folder = new TempDataDirectory();
        await using var db = Context(folder);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO notes (text) VALUES ('noch nicht bestätigt')");
            // Only the context's own connection sees the row before the commit: a read on a connection of its own counts none.
            Assert.Equal(1L, await CountAsync(db));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await CountAsync(db));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_connection_the_caller_holds_open_stays_open_and_one_opened_for_the_read_is_closed_after_it()
    {
        using var folder = new TempDataDirectory();
        await using var db = Context(folder);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");

        await CountAsync(db);
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);

        await db.Database.OpenConnectionAsync();
        var twoCommands = await StoreSql.OnConnectionAsync(db, async newCommand =>
        {
            var counts = new List<long>();
            foreach (var text in new[] { "a", "b" })
            {
                await using var command = newCommand();
                command.CommandText = "INSERT INTO notes (text) VALUES (@text); SELECT COUNT(*) FROM notes";
                StoreSql.AddParameter(command, "text", text);
                counts.Add((long)(await command.ExecuteScalarAsync())!);
            }

            return counts;
        }, default);
        Assert.Equal([1L, 2L], twoCommands);
        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
    }

    private static DbContext Context(TempDataDirectory folder) =>
        new(new DbContextOptionsBuilder().UseSqlite($"Data Source={Path.Combine(folder.Path, "store-sql.db")}").Options);

    private static Task<long> CountAsync(DbContext db) =>
        StoreSql.WithCommandAsync(db, async command =>
        {
            command.CommandText = "SELECT COUNT(*) FROM notes";
            return (long)(await command.ExecuteScalarAsync())!;
        }, default);
}
