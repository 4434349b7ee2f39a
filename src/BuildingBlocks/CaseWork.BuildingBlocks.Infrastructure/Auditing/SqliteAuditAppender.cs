using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// The audit chain's appends on SQLite (ADR 0047): one connection that the <see cref="AuditChainWriter"/> keeps open for
/// its lifetime, with its two statements (the chain's head, one entry's INSERT) prepared once and run again for every
/// batch. Microsoft.Data.Sqlite keeps a command's prepared statements while its connection stays open; a connection that
/// goes back to the pool loses them, so the pooled EF path prepared both statements anew for every batch, opened and
/// closed a connection and made a DI scope and a context - per batch, and a batch is often one or two entries.
/// </summary>
/// <remarks>
/// Each batch runs in a <c>BEGIN IMMEDIATE</c> transaction, which takes SQLite's write lock before the head is read: another
/// process appending to the same file waits for it (the connection's busy timeout) instead of racing, so no append on
/// SQLite is ever a lost race. Used by the writer's single loop only, one batch at a time: not thread-safe.
/// A failed batch is rolled back and the connection is closed, so the next batch starts on a fresh one.
/// </remarks>
internal sealed class SqliteAuditAppender(string connectionString) : IDisposable
{
    private const string Table = "audit_entries";

    private SqliteConnection? _connection;
    private SqliteCommand? _head;
    private SqliteCommand? _insert;

    /// <summary>Chains <paramref name="drafts"/> onto the head in order and commits them together, or none of them.</summary>
    public void Append(IReadOnlyList<AuditEntry> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var (connection, head, insert) = Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            head.Transaction = transaction;
            insert.Transaction = transaction;
            var (sequence, previousHash) = ReadHead(head);
            foreach (var draft in drafts)
            {
                var entry = draft.ChainedAt(++sequence, previousHash);
                previousHash = entry.Hash;
                var values = AuditChainWriter.StoredValues(entry, postgres: false);
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Dispose() => Close();

    private (SqliteConnection Connection, SqliteCommand Head, SqliteCommand Insert) Open()
    {
        if (_connection is not null)
        {
            return (_connection, _head!, _insert!);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var settings = connection.CreateCommand())
            {
                // What SqliteConnectionSettings gives every connection EF opens (ADR 0017).
                settings.CommandText = SqliteConnectionSettings.Pragmas;
                settings.ExecuteNonQuery();
            }

            var head = connection.CreateCommand();
            head.CommandText = $"SELECT sequence, hash FROM {Table} ORDER BY sequence DESC LIMIT 1";
            var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {Table} ({string.Join(", ", AuditChainWriter.Columns)}) " +
                $"VALUES ({string.Join(", ", AuditChainWriter.Columns.Select(c => "@" + c))})";
            foreach (var column in AuditChainWriter.Columns)
            {
                StoreSql.AddParameter(insert, column, null);
            }

            (_connection, _head, _insert) = (connection, head, insert);
            return (connection, head, insert);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static (long Sequence, string Hash) ReadHead(SqliteCommand head)
    {
        using var reader = head.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }

    private void Close()
    {
        _head?.Dispose();
        _insert?.Dispose();
        _connection?.Dispose();
        (_connection, _head, _insert) = (null, null, null);
    }
}
