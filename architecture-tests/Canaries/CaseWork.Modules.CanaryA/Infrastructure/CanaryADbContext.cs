using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.CanaryA.Domain;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.CanaryA.Infrastructure;

/// <summary>Maps only into its own schema <c>canary_a</c>.</summary>
internal sealed class CanaryADbContext(DbContextOptions<CanaryADbContext> options) : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("canary_a", "canary_a");

    public override StoreDescriptor Store => StoreDescriptor;

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Ledger>(ledger =>
        {
            ledger.ToTable("ledgers");
            ledger.Property(l => l.OfficeId).HasTypedId();
        });
}
