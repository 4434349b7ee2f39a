using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (they are not stored in the file): <c>synchronous=NORMAL</c>. In WAL mode that
/// keeps the database consistent after any crash, and a process crash loses nothing; only a power cut or OS crash can
/// roll back the last commits. With the default FULL every commit waits for a disk flush, and since every case-file read
/// writes an audit entry, every read would wait for one (ADR 0017).
/// </summary>
/// <remarks>
/// A setting lives as long as the native connection, and the connection pool hands the same native connection out again
/// and again (EF opens and closes it around every query). So it is applied once per native connection, not on every open.
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static SqliteConnectionSettings Instance { get; } = new();

    /// <summary>The settings, as one statement.</summary>
    internal const string Pragmas = "PRAGMA synchronous=NORMAL;";

    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var handle))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var handle))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    /// <summary>Whether this native connection has not had the settings yet (always true for a connection of another kind).</summary>
    internal static bool NeedsSettings(DbConnection connection, out object? handle)
    {
        ArgumentNullException.ThrowIfNull(connection);
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !Applied.TryGetValue(handle, out _);
    }

    private static void Remember(object? handle)
    {
        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, Marker);
        }
    }
}
