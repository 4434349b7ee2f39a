using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (they are not stored in the file): <c>synchronous=NORMAL</c>. In WAL mode that
/// keeps the database consistent after any crash, and a process crash loses nothing; only a power cut or OS crash can
/// roll back the last commits. With the default FULL every commit waits for a disk flush, and since every case-file read
/// writes an audit entry, every read would wait for one (ADR 0017).
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static SqliteConnectionSettings Instance { get; } = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
