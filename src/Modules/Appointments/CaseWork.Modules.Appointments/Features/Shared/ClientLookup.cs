using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>
/// Client data, only through the Clients module's <see cref="IClientDirectory"/>. An installation without the Clients module
/// has no directory: then no client is known, and appointments are made without clients.
/// </summary>
internal sealed class ClientLookup(IEnumerable<IClientDirectory> directories)
{
    private readonly IClientDirectory? _directory = directories.LastOrDefault();

    public bool Available => _directory is not null;

    public async Task<ClientDisplaySummary?> SummaryAsync(OfficeId office, Guid client, CancellationToken cancellationToken) =>
        _directory is null ? null : await _directory.GetDisplaySummaryAsync(office, new ClientId(client), cancellationToken);

    public async Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, CancellationToken cancellationToken) =>
        _directory is null || string.IsNullOrWhiteSpace(term) ? [] : await _directory.FindAsync(office, term.Trim(), 20, cancellationToken);

    /// <summary>Display names of many clients in one question (an agenda would otherwise ask once per line).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var ids = clients.Distinct().Select(id => new ClientId(id)).ToList();
        if (_directory is null || ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var found = await _directory.GetDisplayNamesAsync(office, ids, cancellationToken);
        return found.ToDictionary(f => f.Key.Value, f => f.Value);
    }

    /// <summary>Pseudonym codes of many clients in one question (clients who left an appointment, for its reminder list).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PseudonymCodesAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var ids = clients.Distinct().Select(id => new ClientId(id)).ToList();
        if (_directory is null || ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var found = await _directory.GetPseudonymCodesAsync(office, ids, cancellationToken);
        return found.ToDictionary(f => f.Key.Value, f => f.Value);
    }

    public async Task<Dictionary<Guid, ClientDisplaySummary>> SummariesAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ClientDisplaySummary>();
        foreach (var client in clients.Distinct())
        {
            if (await SummaryAsync(office, client, cancellationToken) is { } summary)
            {
                result[client] = summary;
            }
        }

        return result;
    }
}
