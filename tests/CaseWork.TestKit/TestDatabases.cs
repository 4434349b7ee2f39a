using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace CaseWork.TestKit;

/// <summary>Where tests find their databases. PostgreSQL comes from <c>CASEWORK_TEST_POSTGRES</c>, set by <c>scripts/test.sh</c>.</summary>
public static class TestDatabases
{
    /// <summary>The environment variable holding an admin connection string to a PostgreSQL server on loopback.</summary>
    public const string PostgresVariable = "CASEWORK_TEST_POSTGRES";

    /// <summary>The admin connection string; tests that need PostgreSQL fail with this explanation when it is missing.</summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"This test needs PostgreSQL. Run ./scripts/test.sh (it starts a throwaway server), or set {PostgresVariable} " +
                "to an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=secret.");

    /// <summary>Creates an empty PostgreSQL database for one test or fixture; disposing drops it.</summary>
    public static async Task<PostgresTestDatabase> CreatePostgresAsync(string purpose = "test")
    {
        var unique = $"cw_{purpose}_{Guid.NewGuid():N}";
        var name = unique[..Math.Min(60, unique.Length)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name, MaxPoolSize = 20 };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    /// <summary>Database options for SQLite files in <paramref name="directory"/>.</summary>
    public static DatabaseOptions Sqlite(string directory) => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = directory };

    /// <summary>Database options for a PostgreSQL database.</summary>
    public static DatabaseOptions Postgres(string connectionString) => new() { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString };
}

/// <summary>A PostgreSQL database that exists for one test or fixture.</summary>
public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    /// <summary>The database name.</summary>
    public string Name { get; } = name;

    /// <summary>The connection string to it.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestDatabases.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A folder for SQLite files that exists for one test or fixture; disposing deletes it.</summary>
public sealed class TempDataDirectory : IDisposable
{
    /// <summary>Creates the folder under the system temp folder.</summary>
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "casework-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
