using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// Records who did what to which record, stamped with the current user and the time of the request, and hands the
/// entry to the <see cref="AuditChainWriter"/>, which chains it by hash. The call returns once the entry is committed,
/// so a request never answers before its audit entry is durable.
/// </summary>
internal sealed class HashChainedAuditTrail(AuditChainWriter writer, ICurrentUser currentUser, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
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
        return writer.AppendAsync(draft, cancellationToken);
    }
}
