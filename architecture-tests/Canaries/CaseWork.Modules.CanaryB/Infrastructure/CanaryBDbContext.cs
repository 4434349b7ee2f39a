using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.CanaryB.Infrastructure;

/// <summary>
/// Violations: maps a table into CanaryA's schema and points a foreign key at it. EF Core here, outside the Domain
/// namespace, is allowed and must not be reported.
/// </summary>
internal sealed class CanaryBDbContext(DbContextOptions<CanaryBDbContext> options) : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("canary_b", "canary_b");

    public override StoreDescriptor Store => StoreDescriptor;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BorrowedLedger>().ToTable("ledgers", "canary_a");
        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payments");
            payment.HasOne<BorrowedLedger>().WithMany().HasForeignKey(p => p.LedgerId);
        });
    }
}

/// <summary>CanaryA's ledger table, mapped a second time from the outside.</summary>
internal sealed class BorrowedLedger
{
    public Guid Id { get; set; }
}

internal sealed class Payment
{
    public Guid Id { get; set; }

    public Guid LedgerId { get; set; }
}
