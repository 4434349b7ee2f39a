using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
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

    /// <summary>
    /// PostgreSQL keeps timestamps to the microsecond; the hash must cover the value as stored, or every entry whose
    /// clock reading had sub-microsecond ticks would later look tampered with.
    /// </summary>
    internal static DateTimeOffset MicrosecondPrecision(DateTimeOffset value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMicrosecond));

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
                OccurredAt = MicrosecondPrecision(time.GetUtcNow()),
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
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone else appended entry number N first; chain onto theirs.
                db.Entry(entry).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
