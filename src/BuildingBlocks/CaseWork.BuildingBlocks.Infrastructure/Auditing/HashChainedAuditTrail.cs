using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries to the <c>audit</c> store, each chained to the previous one by hash. Appends from
/// several requests or host instances race for the next sequence number; the primary key lets exactly one win
/// and the others retry on the new chain head. On PostgreSQL, where several host instances write at once, appends
/// queue on a transaction-scoped advisory lock first, so they rarely race at all.
/// </summary>
internal sealed class HashChainedAuditTrail(AuditDbContext db, ICurrentUser currentUser, TimeProvider time) : IAuditTrail
{
    private const int MaxAttempts = 20;

    /// <summary>The advisory lock key that serialises appends to the chain (an arbitrary constant, "AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!db.Database.IsNpgsql())
        {
            await AppendAsync(record, cancellationToken);
            return;
        }

        // Measured with benchmarks/CaseWork.Benchmarks (8 concurrent writers): without the lock the losers of the
        // sequence race retry with back-off and the 95th percentile reached ~200 ms; queued on the lock they do not retry.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
            await AppendAsync(record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await db.Entries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);

            var entry = new AuditEntry
            {
                Sequence = (head?.Sequence ?? 0) + 1,
                PreviousHash = head?.Hash ?? AuditEntry.GenesisHash,
                // Hashed as stored: PostgreSQL keeps microseconds, so finer ticks would not verify after a round trip.
                OccurredAt = StorePrecision.Truncate(time.GetUtcNow()),
                UserId = currentUser.UserId?.Value,
                UserName = currentUser.Name,
                OfficeId = currentUser.OfficeId?.Value,
                Module = record.Module,
                Action = record.Action.ToString(),
                RecordType = record.RecordType,
                RecordId = record.RecordId,
                Reason = record.Reason,
                Details = record.Details,
            };
            entry.Hash = entry.ComputeHash();
            db.Entries.Add(entry);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(entry).State = EntityState.Detached;
                return;
            }
            catch (DbUpdateException)
            {
                db.Entry(entry).State = EntityState.Detached;

                // Only a lost race is retried: someone else appended entry number N first, so chain onto theirs.
                // Anything else (a value the column refuses, the database gone) is not made better by retrying.
                var lostRace = await db.Entries.AsNoTracking().AnyAsync(e => e.Sequence == entry.Sequence, cancellationToken);
                if (!lostRace || attempt >= MaxAttempts)
                {
                    throw;
                }

                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
