using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// What this module asks the Clients module: exclusions for matching, initials for the interpreter. Works without the
/// Clients module (disabled in an installation): then no exclusions are known and clients read as "?".
/// </summary>
internal sealed class ClientFacts(IServiceProvider services)
{
    private IClientDirectory? Directory => services.GetService<IClientDirectory>();

    public async Task<HashSet<UserId>> ExcludedInterpretersAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var excluded = new HashSet<UserId>();
        if (Directory is not { } directory)
        {
            return excluded;
        }

        foreach (var client in clients)
        {
            excluded.UnionWith(await directory.GetExcludedInterpretersAsync(office, new ClientId(client), cancellationToken));
        }

        return excluded;
    }

    /// <summary>The initials of many clients of one office in one question ("?" for anonymised or unknown ones; see <see cref="Initials"/>).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> InitialsAsync(OfficeId office, IReadOnlyCollection<Guid> clients, CancellationToken cancellationToken)
    {
        if (Directory is not { } directory || clients.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var initials = await directory.GetInitialsAsync(office, [.. clients.Distinct().Select(c => new ClientId(c))], cancellationToken);
        return initials.ToDictionary(i => i.Key.Value, i => i.Value);
    }

    /// <summary>A job's clients as the interpreter sees them: initials, "?" for one no longer known, "–" for none.</summary>
    public static string Initials(IEnumerable<Guid> clients, IReadOnlyDictionary<Guid, string> known)
    {
        var shown = clients.Select(c => known.TryGetValue(c, out var initials) ? initials : "?").ToList();
        return shown.Count == 0 ? "–" : string.Join(", ", shown);
    }

    /// <summary>Pseudonym codes (no names) of the office's clients, for lists of declared conflicts of interest.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CodesAsync(OfficeId office, IReadOnlyCollection<Guid> clients, CancellationToken cancellationToken)
    {
        if (Directory is not { } directory || clients.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var codes = await directory.GetPseudonymCodesAsync(office, [.. clients.Select(c => new ClientId(c))], cancellationToken);
        return codes.ToDictionary(c => c.Key.Value, c => c.Value);
    }

    /// <summary>Clients of the office matching a search term (name or code), for picking a client in a conflict of interest.</summary>
    public async Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, CancellationToken cancellationToken) =>
        Directory is { } directory && !string.IsNullOrWhiteSpace(term) ? await directory.FindAsync(office, term.Trim(), 10, cancellationToken) : [];
}
