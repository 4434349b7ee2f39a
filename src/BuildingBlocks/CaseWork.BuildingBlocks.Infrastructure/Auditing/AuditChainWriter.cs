using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries to the hash chain with group commit: one writer per process takes whatever entries are
/// waiting (up to <see cref="MaxBatch"/>), chains them onto the head in one transaction and then releases every waiting
/// caller. Reading a case file writes an audit entry, so without grouping every read in the office would queue behind
/// one chain lock, one commit at a time (ADR 0009, measured in benchmarks/). Several host instances still race for the
/// next sequence number: on PostgreSQL a batch first takes a transaction-scoped advisory lock; elsewhere the primary
/// key lets exactly one writer win and the loser chains onto the new head.
/// </summary>
internal sealed class AuditChainWriter(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Most entries chained in one transaction.</summary>
    internal const int MaxBatch = 256;

    private const int MaxAttempts = 20;

    /// <summary>The advisory lock key that serialises appends to the chain (an arbitrary constant, "AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    private readonly Channel<PendingEntry> _queue = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;

    /// <summary>Entries committed per transaction so far (for the benchmark's report).</summary>
    internal long Batches { get; private set; }

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await AppendWithRetryAsync(db, batch).ConfigureAwait(false);
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

    private static async Task AppendWithRetryAsync(AuditDbContext db, IReadOnlyList<PendingEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await db.Entries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync().ConfigureAwait(false);

            var sequence = head?.Sequence ?? 0;
            var previousHash = head?.Hash ?? AuditEntry.GenesisHash;
            var entries = new List<AuditEntry>(batch.Count);
            foreach (var pending in batch)
            {
                var entry = pending.Draft.ChainedAt(++sequence, previousHash);
                previousHash = entry.Hash;
                entries.Add(entry);
            }

            db.Entries.AddRange(entries);
            try
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();

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

    private sealed record PendingEntry(AuditEntry Draft, TaskCompletionSource Committed);
}
