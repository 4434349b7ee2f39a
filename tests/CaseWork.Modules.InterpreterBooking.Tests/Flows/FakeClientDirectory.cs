using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>Stands in for the Clients module (built in parallel): initials and "not this interpreter" per client.</summary>
internal sealed class FakeClientDirectory : IClientDirectory
{
    public Dictionary<ClientId, List<UserId>> Exclusions { get; } = [];

    public Task<ClientDisplaySummary?> GetDisplaySummaryAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<ClientDisplaySummary?>(new ClientDisplaySummary(client, "K-TEST", "Amina Haddad", "A. H.", "ar", true, "ar", "Levantine", null,
            default, null, false));

    public Task<IReadOnlyDictionary<ClientId, string>> GetDisplayNamesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ClientId, string>>(clients.Distinct().ToDictionary(c => c, _ => "Amina Haddad"));

    public Task<IReadOnlyDictionary<ClientId, string>> GetPseudonymCodesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ClientId, string>>(clients.ToDictionary(c => c, _ => "K-TEST"));

    public Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClientPickItem>>([]);

    public Task<IReadOnlyList<ClientNeedSummary>> GetNeedsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClientNeedSummary>>([]);

    public Task<IReadOnlyList<UserId>> GetExcludedInterpretersAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserId>>(Exclusions.TryGetValue(client, out var excluded) ? excluded : []);

    public Task<ConsentCheckResult> CheckConsentAsync(ConsentCheck check, CancellationToken cancellationToken) =>
        Task.FromResult(new ConsentCheckResult(false, null, []));
}
