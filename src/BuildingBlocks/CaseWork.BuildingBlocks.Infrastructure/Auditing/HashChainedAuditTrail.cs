using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Records who did what to which record, stamped with the current user and the time of the request, and hands the
/// entry to the <see cref="AuditChainWriter"/>, which chains it by hash. The call returns once the entry is committed,
/// so a request never answers before its audit entry is durable.
/// </summary>
internal sealed class HashChainedAuditTrail(AuditChainWriter writer, ICurrentUser currentUser, TimeProvider time, RecordedChanges changes) : IAuditTrail
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var draft = new AuditEntry
        {
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
        await writer.AppendAsync(draft, cancellationToken);
        changes.Recorded(record);
    }
}

/// <summary>
/// The changes this scope (one request, one job run) recorded in the trail, so that the unit of work can add a
/// <see cref="AuditAction.NotSaved"/> entry for each when it does not save them.
/// </summary>
internal sealed class RecordedChanges
{
    private List<AuditRecord>? _pending;

    /// <summary>Starts a unit of work: what was recorded before belongs to an earlier one.</summary>
    public void Begin() => _pending?.Clear();

    public void Recorded(AuditRecord record)
    {
        if (record.Action is AuditAction.Create or AuditAction.Update or AuditAction.Delete or AuditAction.Merge)
        {
            (_pending ??= []).Add(record);
        }
    }

    /// <summary>The changes recorded since <see cref="Begin"/>, handed over once.</summary>
    public IReadOnlyList<AuditRecord> Take()
    {
        if (_pending is not { Count: > 0 } pending)
        {
            return [];
        }

        var taken = pending.ToArray();
        pending.Clear();
        return taken;
    }
}
