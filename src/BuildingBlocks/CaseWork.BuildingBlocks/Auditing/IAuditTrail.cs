namespace CaseWork.BuildingBlocks.Auditing;

/// <summary>What kind of access to personal data is being recorded.</summary>
public enum AuditAction
{
    /// <summary>Personal data was shown or exported.</summary>
    Read,

    /// <summary>A record was created.</summary>
    Create,

    /// <summary>A record was changed.</summary>
    Update,

    /// <summary>A record was deleted or anonymised.</summary>
    Delete,

    /// <summary>Two records were merged.</summary>
    Merge,

    /// <summary>A supervisor opened a named case through a reasoned access.</summary>
    ReasonedAccess,

    /// <summary>
    /// The change recorded just before for the same record was not saved after all (someone else's edit came first, the
    /// input was refused late, or the store failed): the trail records changes before they are saved, so that no change is
    /// ever saved unrecorded, and says so when one then does not happen.
    /// </summary>
    NotSaved,
}

/// <summary>One access to personal data: what was done to which record, and why. Who and when are added by the trail.</summary>
/// <param name="Module">The module that owns the record (e.g. "Clients").</param>
/// <param name="Action">The kind of access.</param>
/// <param name="RecordType">The kind of record (e.g. "Client", "CaseNote").</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="Reason">Why, where the user had to give a reason.</param>
/// <param name="Details">What changed, without the personal data itself (e.g. "fields: phone, address").</param>
public sealed record AuditRecord(
    string Module,
    AuditAction Action,
    string RecordType,
    string RecordId,
    string? Reason = null,
    string? Details = null);

/// <summary>The append-only, hash-chained audit trail of reads and changes of personal data.</summary>
public interface IAuditTrail
{
    /// <summary>Appends one entry, stamped with the current user and time.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}
