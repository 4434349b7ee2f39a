using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Shared;

internal static class CaseRecordLoading
{
    /// <summary>Every note, need, goal, date and consent of a client, tracked (for merge and anonymisation).</summary>
    public static async Task<List<CaseRecord>> CaseRecordsOfAsync(this ClientsDbContext db, ClientId id, bool ignoreOffice, CancellationToken cancellationToken)
    {
        IQueryable<T> Of<T>(DbSet<T> set)
            where T : CaseRecord => (ignoreOffice ? set.IgnoreQueryFilters() : set).Where(r => r.ClientId == id);

        var records = new List<CaseRecord>();
        records.AddRange(await Of(db.Notes).ToListAsync(cancellationToken));
        records.AddRange(await Of(db.Needs).ToListAsync(cancellationToken));
        records.AddRange(await Of(db.Goals).ToListAsync(cancellationToken));
        records.AddRange(await Of(db.ImportantDates).ToListAsync(cancellationToken));
        records.AddRange(await Of(db.Consents).ToListAsync(cancellationToken));
        return records;
    }
}
