using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>One entry of the append-only audit trail; <see cref="Hash"/> covers its fields and the previous entry's hash.</summary>
public sealed class AuditEntry
{
    /// <summary>The hash the first entry chains to.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Position in the chain, starting at 1 with no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Who acted (user id), null for system jobs.</summary>
    public Guid? UserId { get; set; }

    /// <summary>The actor's name at the time ("system" for jobs).</summary>
    public string UserName { get; set; } = "";

    /// <summary>The actor's office.</summary>
    public Guid? OfficeId { get; set; }

    /// <summary>The module owning the record.</summary>
    public string Module { get; set; } = "";

    /// <summary>The kind of access.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of record.</summary>
    public string RecordType { get; set; } = "";

    /// <summary>The record's id.</summary>
    public string RecordId { get; set; } = "";

    /// <summary>The reason given, if any.</summary>
    public string? Reason { get; set; }

    /// <summary>What was done, without personal data.</summary>
    public string? Details { get; set; }

    /// <summary>The previous entry's hash (<see cref="GenesisHash"/> for the first).</summary>
    public string PreviousHash { get; set; } = GenesisHash;

    /// <summary>SHA-256 over this entry's fields and <see cref="PreviousHash"/>, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Computes the hash from the current field values.</summary>
    /// <summary>A copy of this draft placed in the chain at <paramref name="sequence"/> after <paramref name="previousHash"/>, with its hash.</summary>
    public AuditEntry ChainedAt(long sequence, string previousHash)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = OccurredAt,
            UserId = UserId,
            UserName = UserName,
            OfficeId = OfficeId,
            Module = Module,
            Action = Action,
            RecordType = RecordType,
            RecordId = RecordId,
            Reason = Reason,
            Details = Details,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    public string ComputeHash()
    {
        var canonical = string.Join(
            '\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserId?.ToString("N") ?? "",
            UserName,
            OfficeId?.ToString("N") ?? "",
            Module,
            Action,
            RecordType,
            RecordId,
            Reason ?? "\u0000",
            Details ?? "\u0000",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
