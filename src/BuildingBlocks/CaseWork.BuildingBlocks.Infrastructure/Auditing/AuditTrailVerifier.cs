using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>The newest entry of the chain: what an operator records outside the database to detect a truncated tail.</summary>
/// <param name="Sequence">Its sequence number.</param>
/// <param name="Hash">Its hash.</param>
public sealed record AuditChainHead(long Sequence, string Hash);

/// <summary>The outcome of verifying the audit chain.</summary>
/// <param name="IsIntact">Whether every entry is unchanged and none is missing.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="Problems">What is wrong, by sequence number.</param>
/// <param name="Head">The newest entry found, null for an empty chain; record it externally to verify against later.</param>
public sealed record AuditVerificationResult(bool IsIntact, long EntriesChecked, IReadOnlyList<string> Problems, AuditChainHead? Head);

/// <summary>
/// Walks the audit chain and reports entries that were modified (hash mismatch), removed (gap in the sequence or
/// broken link) or re-chained. Removing entries at the very end of the chain, or rewriting the whole chain after a
/// point, is only visible against a head recorded outside the database (see ADR 0009).
/// </summary>
public sealed class AuditTrailVerifier(AuditDbContext db)
{
    private const int PageSize = 1000;

    /// <summary>Verifies the whole chain, reading it in pages.</summary>
    public Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(recordedHead: null, cancellationToken);

    /// <summary>
    /// Verifies the whole chain and that it still contains <paramref name="recordedHead"/>, a head recorded earlier
    /// outside the database: a chain that ends before it, or holds a different entry at its place, was cut or rewritten.
    /// </summary>
    public Task<AuditVerificationResult> VerifyAsync(AuditChainHead recordedHead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordedHead);
        return VerifyCoreAsync(recordedHead, cancellationToken);
    }

    private async Task<AuditVerificationResult> VerifyCoreAsync(AuditChainHead? recordedHead, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        long expectedSequence = 1;
        var previousHash = AuditEntry.GenesisHash;
        long checkedCount = 0;
        AuditChainHead? head = null;

        while (true)
        {
            var after = head?.Sequence ?? 0;
            var page = await db.Entries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                checkedCount++;
                if (entry.Sequence != expectedSequence)
                {
                    problems.Add($"Entries {expectedSequence}..{entry.Sequence - 1} are missing.");
                }

                if (entry.PreviousHash != previousHash)
                {
                    problems.Add($"Entry {entry.Sequence} does not link to the entry before it.");
                }

                if (entry.ComputeHash() != entry.Hash)
                {
                    problems.Add($"Entry {entry.Sequence} was modified after it was written.");
                }

                if (recordedHead is not null && entry.Sequence == recordedHead.Sequence && entry.Hash != recordedHead.Hash)
                {
                    problems.Add($"Entry {entry.Sequence} is not the recorded head: its hash differs.");
                }

                expectedSequence = entry.Sequence + 1;
                previousHash = entry.Hash;
            }

            head = new AuditChainHead(page[^1].Sequence, page[^1].Hash);
        }

        if (recordedHead is not null && (head?.Sequence ?? 0) < recordedHead.Sequence)
        {
            problems.Add($"The chain ends at entry {head?.Sequence ?? 0}, before the recorded head {recordedHead.Sequence}: entries were removed from its end.");
        }

        return new AuditVerificationResult(problems.Count == 0, checkedCount, problems, head);
    }
}
