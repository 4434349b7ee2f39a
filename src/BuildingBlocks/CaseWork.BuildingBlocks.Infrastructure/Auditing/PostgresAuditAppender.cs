using System.Data;
using Npgsql;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// The audit chain's appends on PostgreSQL (ADR 0052): one connection that the <see cref="AuditChainWriter"/> keeps open for
/// its lifetime, and a batch in three round trips - the transaction's start with the chain's advisory lock and the head, all
/// entries' INSERTs, the commit. The EF path it replaces made a DI scope and a context per batch and took five round trips
/// (begin and lock, head, insert, commit, each awaited on its own), and a batch is often only a few entries.
/// </summary>
/// <remarks>
/// The advisory lock is transaction-scoped and taken before the head is read; the head's SELECT follows it in the same
/// round trip as a statement of its own, so it reads the head as committed once the lock is held. Every instance takes the
/// lock, so two instances never chain onto the same head. Should an INSERT still meet a taken sequence number (a writer that
/// did not take the lock), the batch is rolled back and chained onto the new head, as the EF path did.
/// Used by the writer's single loop only, one batch at a time: not thread-safe. A failed batch closes the connection, so the
/// next batch starts on a fresh one; a kept connection found dead before anything was written is replaced at once and the
/// batch tried again on the new one.
/// </remarks>
internal sealed class PostgresAuditAppender(string connectionString) : IAsyncDisposable
{
    /// <summary>How the kept connection shows in <c>pg_stat_activity</c>, unless the operator's connection string names one.</summary>
    internal const string ApplicationName = "CaseWork audit";

    private const int MaxAttempts = 20;

    private static readonly string Table = AuditDbContext.Store.Schema + ".audit_entries";

    private static readonly string LockAndHead =
        $"SELECT pg_advisory_xact_lock({AuditChainWriter.ChainLockKey}); SELECT sequence, hash FROM {Table} ORDER BY sequence DESC LIMIT 1";

    /// <summary>One entry's INSERT, with positional parameters; Npgsql prepares it on the kept connection (ADR 0028).</summary>
    private static readonly string Insert =
        $"INSERT INTO {Table} ({string.Join(", ", AuditChainWriter.Columns)}) VALUES ({string.Join(", ", AuditChainWriter.Columns.Select((_, i) => "$" + (i + 1)))})";

    private readonly string _connectionString = Named(connectionString);

    private NpgsqlConnection? _connection;

    /// <summary>Chains <paramref name="drafts"/> onto the head in order and commits them together, or none of them.</summary>
    /// <param name="drafts">The entries, not yet numbered or hashed.</param>
    /// <param name="insertAttempted">Called before each attempt to insert the batch (the writer counts them for its tests).</param>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> drafts, Action insertAttempted)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(insertAttempted);
        for (var attempt = 1; ; attempt++)
        {
            var reused = _connection is not null;
            var connection = await OpenAsync().ConfigureAwait(false);
            var sent = false;
            try
            {
                await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                var (sequence, previousHash) = await LockAndReadHeadAsync(connection, transaction).ConfigureAwait(false);
                sent = true;
                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    foreach (var draft in drafts)
                    {
                        var entry = draft.ChainedAt(++sequence, previousHash);
                        previousHash = entry.Hash;
                        var command = new NpgsqlBatchCommand(Insert);
                        foreach (var value in AuditChainWriter.StoredValues(entry, postgres: true))
                        {
                            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                        }

                        batch.BatchCommands.Add(command);
                    }

                    insertAttempted();
                    await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
                return;
            }
            catch (PostgresException race) when (race.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Only a lost race is retried: entry number N exists already, so chain onto the head that has it. The
                // transaction was rolled back when disposed; the connection is still good.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt)).ConfigureAwait(false);
            }
            catch (NpgsqlException dropped) when (reused && !sent && attempt < MaxAttempts
                                                  && (dropped is not PostgresException || connection.FullState.HasFlag(ConnectionState.Broken)))
            {
                // The kept connection was gone before anything of the batch was written (the server restarted or ended
                // it, an idle connection was cut): once more on a new one. After the INSERT was sent nobody knows whether
                // the commit happened, so that failure goes to the callers instead of perhaps writing the entries twice.
                await CloseAsync().ConfigureAwait(false);
            }
            catch
            {
                await CloseAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private static async Task<(long Sequence, string Hash)> LockAndReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(LockAndHead, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.NextResultAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }

    private static string Named(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        if (_connection is { } open)
        {
            return open;
        }

        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
        return connection;
    }

    private async ValueTask CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
