using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence;

/// <summary>The Referrals module's own store: schema <c>referrals</c> (file <c>referrals.db</c> on SQLite).</summary>
internal sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("referrals", "referrals");

    public override StoreDescriptor Store => StoreDescriptor;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<PartnerService> Services => Set<PartnerService>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<PartnerAccount> PartnerAccounts => Set<PartnerAccount>();

    public DbSet<OfficeReferralSettings> OfficeSettings => Set<OfficeReferralSettings>();
}
