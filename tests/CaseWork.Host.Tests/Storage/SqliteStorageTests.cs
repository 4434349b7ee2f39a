using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Host.Tests.Storage;

/// <summary>One host started on an empty SQLite data folder, shared by the tests that look at what it created.</summary>
public sealed class SqliteHostFixture : IDisposable
{
    public SqliteHostFixture()
    {
        Folder = new TempDataDirectory();
        Host = new CaseWorkHostFactory(TestDatabases.Sqlite(Folder.Path));
        Host.CreateClient().Dispose();
    }

    public TempDataDirectory Folder { get; }

    public CaseWorkHostFactory Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        Folder.Dispose();
    }
}

/// <summary>With the embedded default the host keeps one SQLite file per store, each with its own history.</summary>
public sealed class SqliteStorageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public void The_host_creates_a_database_file_per_module_and_for_audit()
    {
        // Identity and scheduler files join these; the test asks only for the ones it knows must be there.
        var files = Directory.GetFiles(fixture.Folder.Path, "*.db").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.All(StoreLayout.RequiredStores, store => Assert.Contains(store, files));
    }

    /// <summary>
    /// ADR 0046: a store without EF's SQL functions must never need them. A <c>decimal</c> property would (comparison,
    /// ordering, arithmetic and sums run through <c>ef_*</c> on SQLite), so such a store maps none; the stores that keep the
    /// functions still have them on their connections, and the others do not.
    /// </summary>
    [Fact]
    public async Task Stores_without_efs_sqlite_functions_map_no_decimal_and_their_connections_lack_the_functions()
    {
        var stores = fixture.Host.Services.GetRequiredService<StoreMigrator>().Stores;
        Assert.Contains(stores, s => !s.Store.UsesEfSqliteFunctions && s.Store.Name == "clients");
        Assert.Contains(stores, s => !s.Store.UsesEfSqliteFunctions && s.Store.Name == "audit");
        Assert.Contains(stores, s => s.Store.UsesEfSqliteFunctions);
        foreach (var store in stores)
        {
            using var scope = fixture.Host.Services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(store.DbContextType);
            if (!store.Store.UsesEfSqliteFunctions)
            {
                var decimals = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                    .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(decimal) || p.ClrType == typeof(decimal))
                    .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");
                Assert.Empty(decimals);
            }

            await context.Database.OpenConnectionAsync();
            try
            {
                await using var command = context.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT ef_add('1.5', '2.25')";
                if (store.Store.UsesEfSqliteFunctions)
                {
                    Assert.Equal(3.75m, Convert.ToDecimal(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    var missing = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync());
                    Assert.Contains("no such function: ef_add", missing.Message, StringComparison.Ordinal);
                }
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
    }

    [Fact]
    public async Task Each_file_keeps_its_own_migrations_history()
    {
        var stores = StoreLayout.MigratedStores(fixture.Host);
        Assert.All(StoreLayout.RequiredStores, name => Assert.Contains(stores, s => s.Store.Name == name));

        foreach (var (store, migrations) in stores)
        {
            Assert.NotEmpty(migrations);
            var applied = await QueryTextAsync(store, $"SELECT MigrationId FROM \"{StoreDescriptor.MigrationsHistoryTable}\" ORDER BY 1");
            Assert.Equal(migrations.Order(StringComparer.Ordinal), applied);
        }
    }

    [Fact]
    public async Task Each_module_file_holds_its_own_outbox_and_no_other_store_s_tables()
    {
        foreach (var (store, _) in StoreLayout.MigratedStores(fixture.Host).Where(s => StoreLayout.ModuleStores.Contains(s.Store.Name)))
        {
            var tables = await QueryTextAsync(store, "SELECT name FROM sqlite_master WHERE type = 'table'");
            Assert.Contains("outbox_messages", tables);
            Assert.Contains("inbox_messages", tables);
            Assert.DoesNotContain("audit_entries", tables);
        }
    }

    [Fact]
    public async Task The_planner_has_statistics_for_the_module_tables_after_start()
    {
        // Without sqlite_stat1 SQLite's planner guesses; the client search then walks every client of the office.
        var clients = StoreLayout.MigratedStores(fixture.Host).Single(s => s.Store.Name == "clients").Store;

        var analysed = await QueryTextAsync(clients, "SELECT DISTINCT tbl FROM sqlite_stat1");

        Assert.Contains("clients", analysed);
        Assert.Contains("client_search_terms", analysed);
    }

    private async Task<List<string>> QueryTextAsync(StoreDescriptor store, string sql)
    {
        var path = Path.Combine(fixture.Folder.Path, store.Name + ".db");
        Assert.True(File.Exists(path), $"{path} does not exist");

        // No pooling: the fixture deletes the folder at the end, and a pooled handle would keep the file open.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
