using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence;

/// <summary>
/// One normalised token of a client's names (<see cref="Domain.ClientSearchKey.Terms"/>), for a B-tree prefix search where
/// the store has no trigram index (SQLite). Kept in step with <see cref="Domain.Client.SearchKey"/> by the DbContext.
/// </summary>
internal sealed class ClientSearchTerm : IOfficeScoped
{
    public ClientId ClientId { get; init; }

    public string Term { get; init; } = "";

    public OfficeId OfficeId { get; init; }
}
