using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>The outcome of verifying the audit chain.</summary>
/// <param name="IsIntact">Whether every entry is unchanged and none is missing.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="Problems">What is wrong, by sequence number.</param>
public sealed record AuditVerificationResult(bool IsIntact, long EntriesChecked, IReadOnlyList<string> Problems);

/// <summary>
/// Walks the audit chain and reports entries that were modified (hash mismatch), removed (gap in the sequence or
/// broken link) or re-chained. Removing entries at the very end of the chain is only visible against an
/// externally kept head (see ADR 0009).
/// </summary>
public sealed class AuditTrailVerifier(AuditDbContext db)
{
    /// <summary>Verifies the whole chain, reading it in pages.</summary>
    public async Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        const int pageSize = 1000;
        var problems = new List<string>();
        long expectedSequence = 1;
        var previousHash = AuditEntry.GenesisHash;
        long checkedCount = 0;
        long after = 0;

        while (true)
        {
            var page = await db.Entries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(pageSize)
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

                expectedSequence = entry.Sequence + 1;
                previousHash = entry.Hash;
            }

            after = page[^1].Sequence;
        }

        return new AuditVerificationResult(problems.Count == 0, checkedCount, problems);
    }
}
