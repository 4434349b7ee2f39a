using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>The sender test module's store: schema <c>test_sender</c> (file <c>test_sender.db</c>).</summary>
internal sealed class SenderDbContext(DbContextOptions<SenderDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("test_sender", "test_sender");

    public override StoreDescriptor Store => StoreDescriptor;

    public DbSet<SenderNote> Notes => Set<SenderNote>();

    // Both test modules live in one assembly, so the default (every configuration in the assembly) would mix them.
    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SenderNote>(e =>
        {
            e.ToTable("notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(n => n.OfficeId).HasColumnName("office_id").HasTypedId();
            e.Property(n => n.Title).HasColumnName("title").HasMaxLength(100).IsRequired();
            e.Property(n => n.CreatedAt).HasColumnName("created_at");
            e.Property(n => n.Version).HasColumnName("version");
        });
}
