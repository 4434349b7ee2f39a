using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Identity;

/// <summary>The host-owned <c>identity</c> store: users, roles, offices and the shared data-protection keys.</summary>
internal sealed class IdentityStoreDbContext(DbContextOptions<IdentityStoreDbContext> options)
    : IdentityDbContext<CaseWorkUser, CaseWorkRole, Guid>(options)
{
    public static readonly StoreDescriptor Store = new("identity", "identity");

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        StoreConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        if (!Database.IsSqlite())
        {
            builder.HasDefaultSchema(Store.Schema);
        }

        base.OnModelCreating(builder);

        builder.Entity<CaseWorkUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            user.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
            user.HasOne<Office>().WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Office>(office =>
        {
            office.ToTable("offices");
            office.HasKey(o => o.Id);
            office.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
            office.Property(o => o.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
            office.Property(o => o.TimeZone).HasColumnName("time_zone").HasMaxLength(64).IsRequired();
            office.Property(o => o.IsDemo).HasColumnName("is_demo");
            office.Property(o => o.CreatedAt).HasColumnName("created_at");
        });

        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name").HasMaxLength(200);
            key.Property(k => k.Xml).HasColumnName("xml").IsRequired();
        });
    }
}
