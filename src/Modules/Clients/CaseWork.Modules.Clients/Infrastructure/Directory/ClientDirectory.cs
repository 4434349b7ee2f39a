using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.SearchClients;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Infrastructure.Directory;

/// <summary>
/// What other modules may read about clients (<see cref="IClientDirectory"/>), always for the office they name: every
/// query filters by that office explicitly (the user's office filter is lifted, since jobs and event handlers call it
/// without a user). Merged records answer with their survivor where a summary is asked.
/// </summary>
internal sealed class ClientDirectory(ClientsDbContext db) : IClientDirectory
{
    private IQueryable<Client> ClientsOf(OfficeId office) => db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.OfficeId == office);

    public async Task<ClientDisplaySummary?> GetDisplaySummaryAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        var record = await ClientsOf(office).FirstOrDefaultAsync(c => c.Id == client, cancellationToken);
        if (record is { State: ClientState.Merged, MergedInto: { } survivor })
            record = await ClientsOf(office).FirstOrDefaultAsync(c => c.Id == survivor, cancellationToken);
        return record is null ? null : Summarise(client, record);
    }

    private static ClientDisplaySummary Summarise(ClientId client, Client record)
    {
        var gender = record.Interpreter.PreferredGender switch
        {
            StatedGender.Female => "female",
            StatedGender.Male => "male",
            _ => null,
        };
        return new ClientDisplaySummary(
            client,
            record.PseudonymCode,
            record.DisplayName,
            record.Initials,
            record.PreferredLanguage ?? "de",
            record.Interpreter.Needed,
            record.Interpreter.Language,
            record.Interpreter.Dialect,
            gender,
            record.ReminderChannel,
            record.ReminderAddress,
            record.IsAnonymised);
    }

    public async Task<IReadOnlyDictionary<ClientId, string>> GetDisplayNamesAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        (await ClientNameReader.ReadAsync(db, office, clients, cancellationToken)).ToDictionary(r => r.Key, r => r.Value.DisplayName);

    public async Task<IReadOnlyDictionary<ClientId, string>> GetInitialsAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        (await ClientNameReader.ReadAsync(db, office, clients, cancellationToken)).Where(r => !r.Value.IsAnonymised)
            .ToDictionary(r => r.Key, r => r.Value.Initials);

    public async Task<IReadOnlyDictionary<ClientId, string>> GetPseudonymCodesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var ids = clients.Distinct().ToList();
        return await ClientsOf(office).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PseudonymCode, cancellationToken);
    }

    public async Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(term))
            return [];
        var found = await ClientSearch.Query(db, term.Trim(), allowNames: true)
            .IgnoreQueryFilters()
            .Where(c => c.OfficeId == office)
            .Take(Math.Clamp(limit, 1, 100))
            .ToListAsync(cancellationToken);
        return [.. found.Select(c => new ClientPickItem(c.Id, c.PseudonymCode, c.DisplayName, ClientView.FormatDateOfBirth(c.DateOfBirth)))];
    }

    public async Task<IReadOnlyList<ClientNeedSummary>> GetNeedsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        var needs = await db.Needs.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.OfficeId == office && n.ClientId == client)
            .OrderBy(n => n.IdentifiedOn)
            .ToListAsync(cancellationToken);
        return [.. needs.Select(n => new ClientNeedSummary(n.Id, n.Area, NeedStatusNames.Of(n.Status), n.Description))];
    }

    public async Task<IReadOnlyList<UserId>> GetExcludedInterpretersAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        var record = await ClientsOf(office).FirstOrDefaultAsync(c => c.Id == client, cancellationToken);
        return record is null ? [] : [.. record.Interpreter.ExcludedInterpreters.Select(UserId.From)];
    }

    public async Task<ConsentCheckResult> CheckConsentAsync(ConsentCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var consents = await db.Consents.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OfficeId == check.Office && c.ClientId == check.Client)
            .ToListAsync(cancellationToken);
        var recipient = new ConsentRecipient(check.RecipientName, check.RecipientOrganisationId);
        var wanted = check.DataCategories.Distinct().ToList();
        var inForce = consents.Where(c => c.IsInForceOn(check.On) && c.Names(recipient)).ToList();
        var covering = inForce.FirstOrDefault(c => wanted.All(w => c.IsValidOn(check.On, w, recipient)));
        if (covering is not null)
            return new ConsentCheckResult(true, covering.Id, []);
        var missing = wanted.Where(w => !inForce.Any(c => c.DataCategories.Contains(w))).ToList();
        return new ConsentCheckResult(false, null, missing);
    }
}
