using System.Data.Common;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseWork.Host.Scheduling;

/// <summary>
/// Stops the scheduler the way Quartz's hosted service does (running jobs finish and record their end), but waits for it only
/// while its database answers, and never past the host's shutdown timeout (ADR 0035).
/// </summary>
/// <remarks>
/// Quartz's shutdown halts the scheduler thread and then waits for it; a thread holding a trigger it had reserved gives the
/// reservation back first, retrying every few seconds for as long as the job store is not shut down - and the job store is
/// shut down only after that wait. With the database gone the two wait for each other for good, and the host with them
/// (seen with PostgreSQL stopped). So while the scheduler stops, the database is asked every
/// <see cref="ProbeInterval"/> whether it answers; when it does not (after at most one connect timeout), the scheduler is left
/// to the process's end. What it could not write stays as the store has it: a reservation or a run a cluster member (or this
/// instance at its next start) recovers, as after a crash.
/// </remarks>
internal sealed partial class SchedulerShutdownGuard(IHostedService scheduler, SchedulerStore store, ILogger<SchedulerShutdownGuard> logger)
    : IHostedService
{
    /// <summary>How long the scheduler may take to stop before the database is asked whether it still answers, and between asks.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    public Task StartAsync(CancellationToken cancellationToken) => scheduler.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = scheduler.StopAsync(cancellationToken);
        while (!stopping.IsCompleted)
        {
            try
            {
                await stopping.WaitAsync(ProbeInterval, cancellationToken);
                break;
            }
            catch (TimeoutException)
            {
                if (!await DatabaseAnswersAsync(cancellationToken))
                {
                    LogDatabaseGone(store.Provider);
                    Abandon(stopping);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogShutdownTimeout();
                Abandon(stopping);
                return;
            }
        }

        await stopping;
    }

    /// <summary>Opens a connection of the scheduler's store and asks it the simplest question; false for any failure or timeout.</summary>
    internal async Task<bool> DatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A new physical connection (no pool): a pooled one would answer from before the database went away.
            await using DbConnection connection = store.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString)
                : new SqliteConnection(store.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Leaves the scheduler's stop to itself; its outcome, should it end before the process does, is only logged.</summary>
    private void Abandon(Task stopping) =>
        _ = stopping.ContinueWith(t => LogLateStop(t.Exception?.GetBaseException()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler's {Provider} database does not answer: the host stops without waiting for the scheduler; reserved triggers and unfinished runs are recovered at the next start or by another instance")]
    private partial void LogDatabaseGone(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler did not stop within the host's shutdown timeout; the host stops without it")]
    private partial void LogShutdownTimeout();

    [LoggerMessage(Level = LogLevel.Debug, Message = "The abandoned scheduler stop ended")]
    private partial void LogLateStop(Exception? exception);
}
