using CaseWork.BuildingBlocks.Auditing;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>Audit entries of the Clients module: what was read or changed, never the personal data itself.</summary>
internal sealed class ClientAudit(IAuditTrail trail)
{
    public Task RecordAsync(AuditAction action, string recordType, object recordId, CancellationToken cancellationToken, string? details = null, string? reason = null) =>
        trail.RecordAsync(new AuditRecord(ClientsContract.ModuleName, action, recordType, recordId.ToString()!, reason, details), cancellationToken);
}
