using Npgsql;

namespace CaseWork.Host.Scheduling;

/// <summary>The PostgreSQL schema the scheduler's tables live in.</summary>
internal sealed record SchedulerSchema(string ConnectionString, string Name);

/// <summary>
/// Creates the scheduler's PostgreSQL schema before the scheduler starts: Quartz creates its tables under a schema-qualified
/// prefix but not the schema itself. Runs in <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service
/// (the scheduler's included) starts.
/// </summary>
internal sealed partial class SchedulerSchemaCreator(SchedulerSchema schema, ILogger<SchedulerSchemaCreator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema.Name}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
        {
            // Another instance created it at the same moment: IF NOT EXISTS does not guard against that race.
            LogCreatedConcurrently(schema.Name);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schema {Schema} was created by another instance at the same time")]
    private partial void LogCreatedConcurrently(string schema);
}
