using System.Data.Common;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// The plumbing of the module's hand-written reads (ADR 0041, 0053): a command on the context's own connection, opened
/// for the read (EF counts the opens, so a connection the caller holds open stays open), in the context's transaction,
/// and values in the stored forms of the mappings.
/// </summary>
internal static class HandWrittenRead
{
    /// <summary>Opens the context's connection and runs <paramref name="read"/> with a command for <paramref name="sql"/>.</summary>
    public static async Task<T> RunAsync<T>(
        InterpreterBookingDbContext db, string sql, Action<DbCommand> parameters, Func<DbCommand, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            parameters(command);
            return await read(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs <paramref name="sql"/> as <see cref="RunAsync{T}"/> does and maps every row it returns.</summary>
    public static Task<List<T>> ReadRowsAsync<T>(
        InterpreterBookingDbContext db, string sql, Action<DbCommand> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        RunAsync(db, sql, parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }, cancellationToken);

    /// <summary>An instant as the mappings store it: timestamptz (to the store's precision) on PostgreSQL, UTC text on SQLite.</summary>
    public static object Instant(bool postgres, DateTimeOffset value) =>
        postgres ? StorePrecision.Truncate(value).ToUniversalTime() : UtcInstantTextConverter.ToText(value);

    /// <summary>Instants as the mappings read them: timestamptz on PostgreSQL, UTC text on SQLite.</summary>
    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? UtcInstantTextConverter.FromText(reader.GetString(ordinal)) : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
