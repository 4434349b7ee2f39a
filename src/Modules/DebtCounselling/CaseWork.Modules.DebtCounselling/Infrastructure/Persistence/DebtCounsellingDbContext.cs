using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.DebtCounselling.Infrastructure.Persistence;

/// <summary>The DebtCounselling module's own store: schema <c>debt_counselling</c> (file <c>debt_counselling.db</c> on SQLite).</summary>
internal sealed class DebtCounsellingDbContext(DbContextOptions<DebtCounsellingDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("debt_counselling", "debt_counselling");

    public override StoreDescriptor Store => StoreDescriptor;
}
