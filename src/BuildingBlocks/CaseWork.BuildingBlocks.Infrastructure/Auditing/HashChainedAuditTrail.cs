using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries to the <c>audit</c> store, each chained to the previous one by hash. Appends from
/// several requests or host instances race for the next sequence number; the primary key lets exactly one win
/// and the others retry on the new chain head.
/// </summary>
internal sealed class HashChainedAuditTrail(AuditDbContext db, ICurrentUser currentUser, TimeProvider time) : IAuditTrail
{
    private const int MaxAttempts = 20;

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
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
