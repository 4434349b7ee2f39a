using System.Diagnostics;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseWork.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Runs every FluentValidation validator of the command first; invalid input changes nothing.</summary>
internal sealed class ValidationCommandDecorator<TCommand, TValue>(
    ICommandHandler<TCommand, TValue> inner,
    IEnumerable<IValidator<TCommand>> validators) : ICommandHandler<TCommand, TValue>
    where TCommand : ICommand<TValue>
{
    public async Task<Result<TValue>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var error = await RequestValidation.ValidateAsync(command, validators, cancellationToken);
        return error is null ? await inner.Handle(command, cancellationToken) : error;
    }
}

/// <summary>Runs every FluentValidation validator of the query first.</summary>
internal sealed class ValidationQueryDecorator<TQuery, TValue>(
    IQueryHandler<TQuery, TValue> inner,
    IEnumerable<IValidator<TQuery>> validators) : IQueryHandler<TQuery, TValue>
    where TQuery : IQuery<TValue>
{
    public async Task<Result<TValue>> Handle(TQuery query, CancellationToken cancellationToken)
    {
        var error = await RequestValidation.ValidateAsync(query, validators, cancellationToken);
        return error is null ? await inner.Handle(query, cancellationToken) : error;
    }
}

internal static class RequestValidation
{
    public static async Task<Error?> ValidateAsync<T>(T request, IEnumerable<IValidator<T>> validators, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return null;
        }

        var fields = failures
            .GroupBy(f => string.IsNullOrEmpty(f.PropertyName) ? "" : char.ToLowerInvariant(f.PropertyName[0]) + f.PropertyName[1..])
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return Error.Validation(fields);
    }
}

/// <summary>
/// Commits the module's DbContext when the command succeeded: the change and its outbox messages in one transaction.
/// A concurrent edit becomes a conflict error; a failed command saves nothing.
/// </summary>
internal sealed partial class UnitOfWorkCommandDecorator<TCommand, TValue, TDbContext>(
    ICommandHandler<TCommand, TValue> inner,
    TDbContext db,
    OutboxSignal outboxSignal,
    RecordedChanges recordedChanges,
    IAuditTrail audit,
    ILogger<UnitOfWorkCommandDecorator<TCommand, TValue, TDbContext>> logger) : ICommandHandler<TCommand, TValue>
    where TCommand : ICommand<TValue>
    where TDbContext : ModuleDbContext
{
    public async Task<Result<TValue>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        recordedChanges.Begin();
        Result<TValue> result;
        try
        {
            result = await inner.Handle(command, cancellationToken);
        }
        catch (Exception failure)
        {
            await RecordNotSavedAsync(failure.GetType().Name);
            throw;
        }

        if (!result.IsSuccess)
        {
            db.ChangeTracker.Clear();
            await RecordNotSavedAsync(result.Error.Code);
            return result;
        }

        var wroteOutbox = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            await RecordNotSavedAsync("concurrent-edit");
            return Error.ConcurrentEdit(RecordName(ex));
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Two saves of a new record with the same key (the first save of an office's settings, say) raced: the
            // later one is a concurrent edit, not a server error. Handlers check uniqueness first; this is only the race.
            db.ChangeTracker.Clear();
            await RecordNotSavedAsync("concurrent-edit");
            return Error.ConcurrentEdit(RecordName(ex));
        }
        catch (Exception failure)
        {
            await RecordNotSavedAsync(failure.GetType().Name);
            throw;
        }

        if (wroteOutbox)
        {
            outboxSignal.Notify();
        }

        return result;
    }

    /// <summary>
    /// Handlers record a change in the audit trail before it is saved (no change is ever saved unrecorded); when the save
    /// does not happen, the trail says so for each, with why. Written even if the caller has gone: the first entry was.
    /// </summary>
    private async Task RecordNotSavedAsync(string why)
    {
        foreach (var change in recordedChanges.Take())
        {
            try
            {
                await audit.RecordAsync(change with { Action = AuditAction.NotSaved, Reason = null, Details = $"{change.Action} not saved: {why}" }, CancellationToken.None);
            }
            catch (Exception failure)
            {
                // The command's own outcome (a conflict, or the exception being rethrown) must reach the caller.
                LogNotSavedUnrecorded(failure, change.RecordType, change.RecordId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit trail could not record that a change of {RecordType} {RecordId} was not saved")]
    private partial void LogNotSavedUnrecorded(Exception failure, string recordType, string recordId);

    /// <summary>The record the user tried to change, in words ("CaseNote" becomes "case note"), for the conflict message.</summary>
    private static string RecordName(DbUpdateException exception)
    {
        var typeName = exception.Entries.Count > 0 ? exception.Entries[0].Metadata.ClrType.Name : null;
        if (string.IsNullOrEmpty(typeName))
        {
            return "record";
        }

        var words = new System.Text.StringBuilder(typeName.Length + 4);
        for (var i = 0; i < typeName.Length; i++)
        {
            if (i > 0 && char.IsUpper(typeName[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(typeName[i]));
        }

        return words.ToString();
    }
}

/// <summary>Logs each command with its outcome and duration (never its content: it may hold personal data).</summary>
internal sealed partial class LoggingCommandDecorator<TCommand, TValue>(
    ICommandHandler<TCommand, TValue> inner,
    ILogger<TCommand> logger) : ICommandHandler<TCommand, TValue>
    where TCommand : ICommand<TValue>
{
    public async Task<Result<TValue>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.Handle(command, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.IsSuccess)
        {
            LogSucceeded(typeof(TCommand).Name, elapsed);
        }
        else
        {
            LogFailed(typeof(TCommand).Name, result.Error.Kind, result.Error.Code, elapsed);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} succeeded in {ElapsedMs:0.0} ms")]
    private partial void LogSucceeded(string command, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} failed: {Kind} {Code} in {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string command, ErrorKind kind, string code, double elapsedMs);
}

/// <summary>Logs each query with its outcome and duration.</summary>
internal sealed partial class LoggingQueryDecorator<TQuery, TValue>(
    IQueryHandler<TQuery, TValue> inner,
    ILogger<TQuery> logger) : IQueryHandler<TQuery, TValue>
    where TQuery : IQuery<TValue>
{
    public async Task<Result<TValue>> Handle(TQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.Handle(query, cancellationToken);
        LogCompleted(typeof(TQuery).Name, result.IsSuccess, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {Query} completed (success: {Success}) in {ElapsedMs:0.0} ms")]
    private partial void LogCompleted(string query, bool success, double elapsedMs);
}

/// <summary>
/// On SQLite, holds the module's connection open for the whole query or command. EF otherwise opens and closes it around
/// every statement, and each open of a SQLite connection takes the pool's lock and registers EF's SQL functions again — on a
/// case-file read (eight statements) that cost more than the statements themselves. PostgreSQL connections are left to EF:
/// holding one from the small pool while the request waits (for its audit entry, say) would starve other requests.
/// </summary>
internal sealed class SqliteConnectionScope<TDbContext>(TDbContext db)
    where TDbContext : ModuleDbContext
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.OnPostgres || db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            return await work();
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Runs a query inside <see cref="SqliteConnectionScope{TDbContext}"/>.</summary>
internal sealed class ConnectionQueryDecorator<TQuery, TValue, TDbContext>(
    IQueryHandler<TQuery, TValue> inner,
    SqliteConnectionScope<TDbContext> connection) : IQueryHandler<TQuery, TValue>
    where TQuery : IQuery<TValue>
    where TDbContext : ModuleDbContext
{
    public Task<Result<TValue>> Handle(TQuery query, CancellationToken cancellationToken) =>
        connection.RunAsync(() => inner.Handle(query, cancellationToken), cancellationToken);
}

/// <summary>Runs a command (and its unit of work) inside <see cref="SqliteConnectionScope{TDbContext}"/>.</summary>
internal sealed class ConnectionCommandDecorator<TCommand, TValue, TDbContext>(
    ICommandHandler<TCommand, TValue> inner,
    SqliteConnectionScope<TDbContext> connection) : ICommandHandler<TCommand, TValue>
    where TCommand : ICommand<TValue>
    where TDbContext : ModuleDbContext
{
    public Task<Result<TValue>> Handle(TCommand command, CancellationToken cancellationToken) =>
        connection.RunAsync(() => inner.Handle(command, cancellationToken), cancellationToken);
}
