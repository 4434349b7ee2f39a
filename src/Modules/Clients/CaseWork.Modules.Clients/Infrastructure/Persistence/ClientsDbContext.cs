using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence;

/// <summary>The Clients module's own store: schema <c>clients</c> (file <c>clients.db</c> on SQLite).</summary>
internal sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options, ICurrentUser? currentUser = null)
    : ModuleDbContext(options, currentUser)
{
    public static readonly StoreDescriptor StoreDescriptor = new("clients", "clients");

    public override StoreDescriptor Store => StoreDescriptor;
}
