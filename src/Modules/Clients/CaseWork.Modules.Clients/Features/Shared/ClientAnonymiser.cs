using CaseWork.BuildingBlocks.Auditing;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>
/// Anonymises one client with everything in the case file, audits it and publishes <see cref="ClientAnonymised"/> so
/// other modules drop what they hold (ADR 0013). Used by the erasure request and the retention sweep.
/// </summary>
internal sealed class ClientAnonymiser(ClientsDbContext db, ClientAudit audit)
{
    public async Task AnonymiseAsync(Client client, string reason, IReadOnlyCollection<Guid> keepNotesByLaw, DateTimeOffset at, bool ignoreOffice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keepNotesByLaw);
        var caseFiles = ignoreOffice ? db.CaseFiles.IgnoreQueryFilters() : db.CaseFiles;
        var caseFile = await caseFiles.FirstOrDefaultAsync(f => f.ClientId == client.Id, cancellationToken);
        var records = await db.CaseRecordsOfAsync(client.Id, ignoreOffice, cancellationToken);
        foreach (var note in records.OfType<CaseNote>().Where(n => keepNotesByLaw.Contains(n.Id)))
            note.KeepByLaw();

        // Anonymous contacts that became this client hold a nickname and free text.
        var contacts = ignoreOffice ? db.AnonymousContacts.IgnoreQueryFilters() : db.AnonymousContacts;
        foreach (var contact in await contacts.Where(c => c.ConvertedTo == client.Id).ToListAsync(cancellationToken))
            contact.Anonymise();

        Anonymisation.Apply(client, caseFile, records, reason, at);
        db.Enqueue(new ClientAnonymised(Guid.NewGuid(), at, client.OfficeId, client.Id, reason));
        await audit.RecordAsync(AuditAction.Delete, "Client", client.Id, cancellationToken,
            $"anonymised; {records.Count} case records stripped, {keepNotesByLaw.Count} notes kept by law", reason);
    }
}
