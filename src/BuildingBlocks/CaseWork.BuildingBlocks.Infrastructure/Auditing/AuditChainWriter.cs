using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries to the hash chain with group commit: one writer per process takes whatever entries are
/// waiting (up to <see cref="MaxBatch"/>), chains them onto the head in one transaction and then releases every waiting
/// caller. Reading a case file writes an audit entry, so without grouping every read in the office would queue behind
/// one chain lock, one commit at a time (ADR 0009, measured in benchmarks/). Several host instances still race for the
/// next sequence number: on PostgreSQL a batch first takes a transaction-scoped advisory lock; elsewhere the primary
/// key lets exactly one writer win and the loser chains onto the new head. On SQLite the writer keeps one connection open
/// with its statements prepared (<see cref="SqliteAuditAppender"/>, ADR 0047), and a batch takes the write lock first.
/// </summary>
internal sealed class AuditChainWriter(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Most entries chained in one transaction.</summary>
    internal const int MaxBatch = 256;

    private const int MaxAttempts = 20;

    /// <summary>The advisory lock key that serialises appends to the chain (an arbitrary constant, "AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    /// <summary>The table on PostgreSQL, the only provider that takes the EF path (SQLite: <see cref="SqliteAuditAppender"/>).</summary>
    private static readonly string PostgresTable = AuditDbContext.Store.Schema + ".audit_entries";

    private readonly Channel<PendingEntry> _queue = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;

    private long _insertAttempts;

    /// <summary>The SQLite appender, made at the first batch on SQLite; touched by the writer loop only.</summary>
    private SqliteAuditAppender? _sqlite;

    /// <summary>The columns of an entry, in the order of <see cref="StoredValues"/>.</summary>
    internal static readonly string[] Columns =
        ["sequence", "occurred_at", "user_id", "user_name", "office_id", "module", "action", "record_type", "record_id", "reason", "details", "previous_hash", "hash"];

    /// <summary>Entries committed per transaction so far (for the benchmark's report).</summary>
    internal long Batches { get; private set; }

    /// <summary>INSERT statements tried so far (for the tests of what is and is not retried).</summary>
    internal long InsertAttempts => Interlocked.Read(ref _insertAttempts);

    /// <summary>Queues the entry and completes when it is committed (or faults with the reason it was refused).</summary>
    public Task AppendAsync(AuditEntry draft, CancellationToken cancellationToken)
    {
        var pending = new PendingEntry(draft, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        EnsureRunning();
        // The entry is written even if this caller stops waiting: what was read was read.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        _sqlite?.Dispose();
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startGate)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingEntry>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<PendingEntry> batch)
    {
        try
        {
            await AppendBatchAsync(batch).ConfigureAwait(false);
            Batches++;
            batch.ForEach(p => p.Committed.TrySetResult());
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One entry the database refuses must not take its batch-mates down with it: write them one by one.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]).ConfigureAwait(false);
            }
        }
        catch (Exception failure)
        {
            batch[0].Committed.TrySetException(failure);
        }
    }

    private async Task AppendBatchAsync(IReadOnlyList<PendingEntry> batch)
    {
        if (_sqlite is { } sqlite)
        {
            AppendOnSqlite(sqlite, batch);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        if (!db.Database.IsNpgsql())
        {
            _sqlite = new SqliteAuditAppender(db.Database.GetConnectionString()!);
            AppendOnSqlite(_sqlite, batch);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})").ConfigureAwait(false);
            await AppendWithRetryAsync(db, batch).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>One attempt: SQLite's write lock, taken first, rules out a lost race.</summary>
    private void AppendOnSqlite(SqliteAuditAppender sqlite, IReadOnlyList<PendingEntry> batch)
    {
        Interlocked.Increment(ref _insertAttempts);
        sqlite.Append([.. batch.Select(p => p.Draft)]);
    }

    /// <summary>PostgreSQL: inside the batch's transaction, holding the advisory lock; another instance may still have won.</summary>
    private async Task AppendWithRetryAsync(AuditDbContext db, IReadOnlyList<PendingEntry> batch)
    {
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (sequence, previousHash) = await HeadAsync(db).ConfigureAwait(false);
                var entries = new List<AuditEntry>(batch.Count);
                foreach (var pending in batch)
                {
                    var entry = pending.Draft.ChainedAt(++sequence, previousHash);
                    previousHash = entry.Hash;
                    entries.Add(entry);
                }

                try
                {
                    Interlocked.Increment(ref _insertAttempts);
                    await InsertAsync(db, entries).ConfigureAwait(false);
                    return;
                }
                catch (DbException)
                {
                    // Only a lost race is retried: another instance appended entry number N first, so chain onto theirs.
                    // Anything else (a value the column refuses, the database gone) is not made better by retrying.
                    var first = entries[0].Sequence;
                    var lostRace = await db.Entries.AsNoTracking().AnyAsync(e => e.Sequence == first).ConfigureAwait(false);
                    if (!lostRace || attempt >= MaxAttempts)
                    {
                        throw;
                    }

                    await Task.Delay(Random.Shared.Next(1, 10 * attempt)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The chain's last sequence number and hash (0 and the genesis hash for an empty trail).</summary>
    private static async Task<(long Sequence, string Hash)> HeadAsync(AuditDbContext db)
    {
        await using var command = Command(db, $"SELECT sequence, hash FROM {PostgresTable} ORDER BY sequence DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }

    /// <summary>
    /// The batch as one multi-row INSERT, written by hand: the change tracker's per-entry bookkeeping cost more than the
    /// write itself, and this runs for every read of a case file (ADR 0027). Columns and stored forms as mapped in
    /// <see cref="AuditDbContext"/>; the audit tests read the entries back through the mapping and verify the chain.
    /// </summary>
    private static async Task InsertAsync(AuditDbContext db, List<AuditEntry> entries)
    {
        var sql = new StringBuilder(128 + (entries.Count * 160));
        sql.Append("INSERT INTO ").Append(PostgresTable)
            .Append(" (").Append(string.Join(", ", Columns)).Append(") VALUES ");
        await using var command = Command(db, "");
        for (var i = 0; i < entries.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            var values = StoredValues(entries[i], postgres: true);
            for (var v = 0; v < values.Length; v++)
            {
                // Named with the placeholder's "@": see StoreSql.AddParameter (13 parameters an entry, each looked up by name).
                var name = $"@p{i}_{v}";
                StoreSql.AddParameter(command, name, values[v]);
                sql.Append(v == 0 ? "" : ", ").Append(name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>An entry's column values in the stored forms the mapping uses, in the order of <see cref="Columns"/>.</summary>
    internal static object?[] StoredValues(AuditEntry e, bool postgres) =>
    [
        e.Sequence,
        postgres ? StorePrecision.Truncate(e.OccurredAt) : UtcInstantTextConverter.ToText(e.OccurredAt),
        Id(postgres, e.UserId), e.UserName, Id(postgres, e.OfficeId), e.Module, e.Action, e.RecordType, e.RecordId, e.Reason, e.Details,
        e.PreviousHash, e.Hash,
    ];

    private static DbCommand Command(AuditDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Guids as the mapping stores them: <c>uuid</c> on PostgreSQL, upper-case text on SQLite.</summary>
    private static object? Id(bool postgres, Guid? value) => value is not { } id ? null : postgres ? id : id.ToString().ToUpperInvariant();

    private sealed record PendingEntry(AuditEntry Draft, TaskCompletionSource Committed);
}
