using System.Threading.Channels;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries to the hash chain with group commit: one writer per process takes whatever entries are
/// waiting (up to <see cref="MaxBatch"/>), chains them onto the head in one transaction and then releases every waiting
/// caller. Reading a case file writes an audit entry, so without grouping every read in the office would queue behind
/// one chain lock, one commit at a time (ADR 0009, measured in benchmarks/). Each store has an appender that keeps one
/// connection open for the writer's lifetime. On PostgreSQL (<see cref="PostgresAuditAppender"/>, ADR 0052) a batch first
/// takes a transaction-scoped advisory lock, so several host instances never chain onto the same head; should one still
/// lose the race for a sequence number, it chains onto the new head. On SQLite (<see cref="SqliteAuditAppender"/>,
/// ADR 0047) a batch takes the write lock before it reads the head.
/// </summary>
internal sealed class AuditChainWriter(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Most entries chained in one transaction.</summary>
    internal const int MaxBatch = 256;

    /// <summary>The advisory lock key that serialises appends to the chain (an arbitrary constant, "AUDIT" in ASCII).</summary>
    internal const long ChainLockKey = 0x4155444954;

    private readonly Channel<PendingEntry> _queue = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;

    private long _insertAttempts;

    /// <summary>The SQLite appender, made at the first batch on SQLite; touched by the writer loop only.</summary>
    private SqliteAuditAppender? _sqlite;

    /// <summary>The PostgreSQL appender, made at the first batch on PostgreSQL; touched by the writer loop only.</summary>
    private PostgresAuditAppender? _postgres;

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
        if (_postgres is { } postgres)
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
        }
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

        if (_postgres is { } postgres)
        {
            await postgres.AppendAsync([.. batch.Select(p => p.Draft)], () => Interlocked.Increment(ref _insertAttempts)).ConfigureAwait(false);
            return;
        }

        // The first batch learns the store from the mapping; every later one goes straight to its appender.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsNpgsql())
        {
            _postgres = new PostgresAuditAppender(connectionString);
        }
        else
        {
            _sqlite = new SqliteAuditAppender(connectionString);
        }

        await AppendBatchAsync(batch).ConfigureAwait(false);
    }

    /// <summary>One attempt: SQLite's write lock, taken first, rules out a lost race.</summary>
    private void AppendOnSqlite(SqliteAuditAppender sqlite, IReadOnlyList<PendingEntry> batch)
    {
        Interlocked.Increment(ref _insertAttempts);
        sqlite.Append([.. batch.Select(p => p.Draft)]);
    }

    /// <summary>An entry's column values in the stored forms the mapping uses, in the order of <see cref="Columns"/>.</summary>
    internal static object?[] StoredValues(AuditEntry e, bool postgres) =>
    [
        e.Sequence,
        postgres ? StorePrecision.Truncate(e.OccurredAt) : UtcInstantTextConverter.ToText(e.OccurredAt),
        Id(postgres, e.UserId), e.UserName, Id(postgres, e.OfficeId), e.Module, e.Action, e.RecordType, e.RecordId, e.Reason, e.Details,
        e.PreviousHash, e.Hash,
    ];

    /// <summary>Guids as the mapping stores them: <c>uuid</c> on PostgreSQL, upper-case text on SQLite.</summary>
    private static object? Id(bool postgres, Guid? value) => value is not { } id ? null : postgres ? id : id.ToString().ToUpperInvariant();

    private sealed record PendingEntry(AuditEntry Draft, TaskCompletionSource Committed);
}
