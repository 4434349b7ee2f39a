using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.TestKit;

/// <summary>
/// An empty database on either provider for one test: a fresh SQLite folder or a fresh PostgreSQL database.
/// Disposing deletes it. For tests that run the same scenario on both providers.
/// </summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly TempDataDirectory? _folder;
    private readonly PostgresTestDatabase? _postgres;

    private ThrowawayDatabase(DatabaseOptions options, TempDataDirectory? folder, PostgresTestDatabase? postgres)
    {
        Options = options;
        _folder = folder;
        _postgres = postgres;
    }

    /// <summary>Where the stores of this database live, for <c>UseCaseWorkStore</c> or the host factory.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>Creates the empty database.</summary>
    /// <param name="provider">Which database.</param>
    /// <param name="purpose">A short lower-case word that goes into the PostgreSQL database name, to tell leftovers apart.</param>
    public static async Task<ThrowawayDatabase> CreateAsync(DatabaseProvider provider, string purpose = "test")
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = new TempDataDirectory();
                return new ThrowawayDatabase(TestDatabases.Sqlite(folder.Path), folder, null);
            case DatabaseProvider.Postgres:
                var database = await TestDatabases.CreatePostgresAsync(purpose);
                return new ThrowawayDatabase(TestDatabases.Postgres(database.ConnectionString), null, database);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _folder?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
