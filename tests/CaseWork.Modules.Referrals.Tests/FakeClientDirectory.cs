using System.Collections.Concurrent;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Referrals.Tests;

/// <summary>
/// Stands in for the Clients module (built elsewhere): clients with needs per office, and consents naming an organisation
/// with categories and a validity.
/// </summary>
internal sealed class FakeClientDirectory : IClientDirectory
{
    private readonly ConcurrentDictionary<(OfficeId, ClientId), FakeClient> _clients = new();
    private readonly ConcurrentBag<FakeConsent> _consents = [];

    public ConcurrentQueue<ConsentCheck> Checks { get; } = new();

    public FakeClient AddClient(OfficeId office, string name, string code, params string[] needAreas)
    {
        var client = new FakeClient(ClientId.New(), office, name, code, [.. needAreas.Select(a => new ClientNeedSummary(Guid.CreateVersion7(), a, "open", $"Anliegen {a} von {name}"))]);
        _clients[(office, client.Id)] = client;
        return client;
    }

    public Guid Consent(OfficeId office, ClientId client, Guid organisationId, DateOnly validUntil, params string[] categories)
    {
        var id = Guid.CreateVersion7();
        _consents.Add(new FakeConsent(id, office, client, organisationId, [.. categories], validUntil));
        return id;
    }

    public Task<ClientDisplaySummary?> GetDisplaySummaryAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult(_clients.TryGetValue((office, client), out var c)
            ? new ClientDisplaySummary(c.Id, c.Code, c.Name, "AB", "ar", true, "ar", null, null, ReminderChannelKind.Sms, "+49 170 5550123", false)
            : null);

    public Task<IReadOnlyDictionary<ClientId, string>> GetDisplayNamesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ClientId, string>>(clients.Distinct().Where(c => _clients.ContainsKey((office, c))).ToDictionary(c => c, c => _clients[(office, c)].Name));

    public Task<IReadOnlyDictionary<ClientId, string>> GetPseudonymCodesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ClientId, string>>(clients.Where(c => _clients.ContainsKey((office, c))).ToDictionary(c => c, c => _clients[(office, c)].Code));

    public Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClientPickItem>>(_clients.Values.Where(c => c.Office == office && c.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Take(limit).Select(c => new ClientPickItem(c.Id, c.Code, c.Name, null)).ToList());

    public Task<IReadOnlyList<ClientNeedSummary>> GetNeedsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult(_clients.TryGetValue((office, client), out var c) ? c.Needs : (IReadOnlyList<ClientNeedSummary>)[]);

    public Task<IReadOnlyList<UserId>> GetExcludedInterpretersAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserId>>([]);

    public Task<ConsentCheckResult> CheckConsentAsync(ConsentCheck check, CancellationToken cancellationToken)
    {
        Checks.Enqueue(check);
        var candidates = _consents.Where(c => c.Office == check.Office && c.Client == check.Client && c.OrganisationId == check.RecipientOrganisationId && check.On <= c.ValidUntil).ToList();
        var covering = candidates.FirstOrDefault(c => check.DataCategories.All(c.Categories.Contains));
        var missing = covering is null
            ? check.DataCategories.Where(d => !candidates.Any(c => c.Categories.Contains(d))).DefaultIfEmpty(check.DataCategories.First()).ToList()
            : [];
        return Task.FromResult(new ConsentCheckResult(covering is not null, covering?.Id, missing));
    }

    internal sealed record FakeClient(ClientId Id, OfficeId Office, string Name, string Code, IReadOnlyList<ClientNeedSummary> Needs);

    private sealed record FakeConsent(Guid Id, OfficeId Office, ClientId Client, Guid OrganisationId, IReadOnlyList<string> Categories, DateOnly ValidUntil);
}
