using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.BuildingBlocks.Tests.Support;

/// <summary>A fresh, empty database for one test: a temporary SQLite folder or a throwaway PostgreSQL database.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private TestStore(DatabaseOptions options, Func<ValueTask> dispose)
    {
        Options = options;
        _dispose = dispose;
    }

    /// <summary>The options pointing at the database.</summary>
    public DatabaseOptions Options { get; }

    public static async Task<TestStore> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = new TempDataDirectory();
                return new TestStore(TestDatabases.Sqlite(directory.Path), () =>
                {
                    directory.Dispose();
                    return ValueTask.CompletedTask;
                });
            case DatabaseProvider.Postgres:
                var database = await TestDatabases.CreatePostgresAsync("bb");
                return new TestStore(TestDatabases.Postgres(database.ConnectionString), database.DisposeAsync);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public ValueTask DisposeAsync() => _dispose();
}
