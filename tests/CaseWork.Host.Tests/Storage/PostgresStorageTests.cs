using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Tests.Scheduling;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseWork.Host.Tests.Storage;

/// <summary>One host started on an empty PostgreSQL database, shared by the tests that look at what it created.</summary>
public sealed class PostgresHostFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private CaseWorkHostFactory? _host;

    public string ConnectionString => _database!.ConnectionString;

    public CaseWorkHostFactory Host => _host!;

    /// <summary>What the host logged, from its first start on the empty database on.</summary>
    internal CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreatePostgresAsync("storage");
        _host = new CaseWorkHostFactory(TestDatabases.Postgres(_database.ConnectionString))
        {
            ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(Logs),
        };
        _host.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>With <c>Database:Provider=Postgres</c> the host lays out one schema per store, each with its own history.</summary>
public sealed class PostgresStorageTests(PostgresHostFixture fixture) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public void The_first_start_on_an_empty_database_logs_no_error()
    {
        // Npgsql finds out whether a history table exists by querying it and catching the failure, and EF Core logs that
        // failed query as an error: fourteen of them on a new installation, before anything went wrong.
        Assert.Contains(fixture.Logs.Entries, e => e.Category == typeof(StoreMigrator).FullName && e.Message.Contains("Applying", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_host_creates_a_schema_per_module_and_for_audit()
    {
        var schemas = await StoreLayout.QueryTextAsync(fixture.ConnectionString, "SELECT nspname::text FROM pg_namespace");

        Assert.All(StoreLayout.RequiredStores, store => Assert.Contains(store, schemas));
    }

    [Fact]
    public async Task Each_store_keeps_its_own_migrations_history_inside_its_schema()
    {
        var stores = StoreLayout.MigratedStores(fixture.Host);
        Assert.All(StoreLayout.RequiredStores, name => Assert.Contains(stores, s => s.Store.Schema == name));

        foreach (var (store, migrations) in stores)
        {
            Assert.NotEmpty(migrations);
            var applied = await StoreLayout.QueryTextAsync(
                fixture.ConnectionString,
                $"SELECT \"MigrationId\" FROM \"{store.Schema}\".\"{StoreDescriptor.MigrationsHistoryTable}\" ORDER BY 1");
            Assert.Equal(migrations.Order(StringComparer.Ordinal), applied);
        }
    }

    [Fact]
    public async Task Module_tables_live_in_their_module_schema_and_nothing_in_public()
    {
        var tables = await StoreLayout.QueryTextAsync(
            fixture.ConnectionString,
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");

        Assert.All(StoreLayout.ModuleStores, schema =>
        {
            Assert.Contains($"{schema}.outbox_messages", tables);
            Assert.Contains($"{schema}.inbox_messages", tables);
        });
        Assert.DoesNotContain(tables, t => t.StartsWith("public.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_foreign_key_crosses_schemas()
    {
        Assert.Empty(await StoreLayout.CrossSchemaForeignKeysAsync(fixture.ConnectionString));
    }
}

/// <summary>The cross-schema check can fail: it reports a foreign key between two schemas.</summary>
public sealed class CrossSchemaForeignKeyCanaryTests
{
    [Fact]
    public async Task A_foreign_key_from_one_schema_to_another_is_reported()
    {
        await using var database = await TestDatabases.CreatePostgresAsync("canary");
        await StoreLayout.ExecuteAsync(database.ConnectionString, """
            CREATE SCHEMA owner_module;
            CREATE TABLE owner_module.things (id uuid PRIMARY KEY);
            CREATE SCHEMA other_module;
            CREATE TABLE other_module.links (id uuid PRIMARY KEY, thing_id uuid REFERENCES owner_module.things (id));
            CREATE TABLE other_module.notes (id uuid PRIMARY KEY, link_id uuid REFERENCES other_module.links (id));
            """);

        var crossing = await StoreLayout.CrossSchemaForeignKeysAsync(database.ConnectionString);

        Assert.Equal(["other_module.links → owner_module.things (links_thing_id_fkey)"], crossing);
    }
}
