using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>What the hand-written SQL of the hot reads and the audit append shares (ADR 0027, 0042).</summary>
public static class StoreSql
{
    /// <summary>A Guid as the mappings store it: <c>uuid</c> on PostgreSQL, upper-case text on SQLite.</summary>
    public static object Id(bool postgres, Guid value) => postgres ? value : value.ToString().ToUpperInvariant();

    /// <summary>An instant as the mappings store it: timestamptz (to the store's precision) on PostgreSQL, UTC text on SQLite.</summary>
    public static object Instant(bool postgres, DateTimeOffset value) =>
        postgres ? StorePrecision.Truncate(value).ToUniversalTime() : UtcInstantTextConverter.ToText(value);

    /// <summary>An instant as the mappings read it: timestamptz on PostgreSQL, UTC text on SQLite.</summary>
    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldType(ordinal) == typeof(string)
            ? UtcInstantTextConverter.FromText(reader.GetString(ordinal))
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    /// <summary>
    /// Adds a parameter for the placeholder <c>@name</c>. The name is given with its <c>@</c>: Microsoft.Data.Sqlite binds
    /// each parameter by looking its name up in every statement of the command, and a name without the prefix costs three
    /// more look-ups (<c>@</c>, <c>$</c>, <c>:</c>) — each a scan over the statement's placeholders. Npgsql drops the prefix.
    /// </summary>
    public static void AddParameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Runs <paramref name="read"/> with one command on <paramref name="db"/>'s own connection (see <see cref="OnConnectionAsync{T}"/>).</summary>
    public static Task<T> WithCommandAsync<T>(DbContext db, Func<DbCommand, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return OnConnectionAsync(db, async newCommand =>
        {
            await using var command = newCommand();
            return await read(command);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/>'s own connection, opened for it. EF counts the opens, so a
    /// connection the caller holds open (a page's several reads, ADR 0053) stays open. Each command
    /// <paramref name="work"/> makes takes part in the context's transaction, if it has one; <paramref name="work"/> disposes
    /// of it.
    /// </summary>
    public static async Task<T> OnConnectionAsync<T>(DbContext db, Func<Func<DbCommand>, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await work(() =>
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                return command;
            });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
