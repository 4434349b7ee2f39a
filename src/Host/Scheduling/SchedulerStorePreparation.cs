using System.Data.Common;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseWork.Host.Scheduling;

/// <summary>Where the scheduler's tables live: a SQLite file, or a schema of the PostgreSQL database.</summary>
/// <param name="Provider">The database provider.</param>
/// <param name="ConnectionString">The connection string Quartz uses too.</param>
/// <param name="Schema">The PostgreSQL schema (unused on SQLite).</param>
internal sealed record SchedulerStore(DatabaseProvider Provider, string ConnectionString, string Schema);

/// <summary>
/// Prepares the scheduler's store before Quartz creates its tables in it, which happens when the scheduler is built during
/// the hosted services' start; <see cref="IHostedLifecycleService.StartingAsync"/> runs before any of them starts.
/// PostgreSQL: creates the schema — Quartz creates its tables under a schema-qualified prefix but not the schema, and
/// without it refuses to start after ten attempts. SQLite: switches the file to write-ahead logging, as the module stores
/// are, so the scheduler's reads do not wait for its writes.
/// </summary>
internal sealed partial class SchedulerStorePreparation(SchedulerStore store, ILogger<SchedulerStorePreparation> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        switch (store.Provider)
        {
            case DatabaseProvider.Postgres:
                await using (var connection = new NpgsqlConnection(store.ConnectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    try
                    {
                        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{store.Schema}\"", cancellationToken);
                    }
                    catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
                    {
                        // Another instance created it at the same moment: IF NOT EXISTS does not guard against that race.
                        LogCreatedConcurrently(store.Schema);
                    }
                }

                break;
            case DatabaseProvider.Sqlite:
                await using (var connection = new SqliteConnection(store.ConnectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    // The journal mode is stored in the file, so this holds for every later connection, Quartz's included.
                    await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{store.Provider}'.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schema {Schema} was created by another instance at the same time")]
    private partial void LogCreatedConcurrently(string schema);
}
