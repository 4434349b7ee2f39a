using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence;

/// <summary>The Referrals module's own store: schema <c>referrals</c> (file <c>referrals.db</c> on SQLite).</summary>
internal sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options, ICurrentUser? currentUser = null)
    : ModuleDbContext(options, currentUser)
{
    public static readonly StoreDescriptor StoreDescriptor = new("referrals", "referrals");

    public override StoreDescriptor Store => StoreDescriptor;
}
