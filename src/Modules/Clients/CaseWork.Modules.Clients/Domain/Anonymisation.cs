namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// What remains of a client after anonymisation (retention period over, or an erasure request): the pseudonym code,
/// counts, need areas and their status, goal outcomes, note kinds, dates and durations, consents as legal basis.
/// Names, dates of birth, contact details and every free text go, except note texts an erasure request had to keep by
/// law.
/// </summary>
internal static class Anonymisation
{
    public const string RetentionReason = "retention period over";

    public static void Apply(
        Client client,
        CaseFile? caseFile,
        IEnumerable<CaseRecord> records,
        string reason,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(records);
        client.Anonymise(reason, at);
        caseFile?.Anonymise();
        foreach (var record in records)
            record.Anonymise();
    }
}
