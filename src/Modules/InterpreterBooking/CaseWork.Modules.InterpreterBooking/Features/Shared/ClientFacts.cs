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

    public async Task<string> InitialsAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var initials = new List<string>();
        foreach (var client in clients)
        {
            var summary = Directory is { } directory ? await directory.GetDisplaySummaryAsync(office, new ClientId(client), cancellationToken) : null;
            initials.Add(summary is null || summary.IsAnonymised ? "?" : summary.Initials);
        }

        return initials.Count == 0 ? "–" : string.Join(", ", initials);
    }
}
