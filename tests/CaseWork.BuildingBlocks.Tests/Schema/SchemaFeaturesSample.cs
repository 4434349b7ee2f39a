using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Schema;

internal sealed class SampleParent
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public List<SampleChild> Children { get; } = [];
}

internal sealed class SampleChild
{
    public long Id { get; set; }

    public Guid ParentId { get; set; }

    public int Position { get; set; }

    public string? Label { get; set; }
}

/// <summary>
/// A model using every kind of schema object the snapshot reads (keys, alternate key, defaults, identity,
/// foreign key, descending and filtered indexes, check constraint), so the readers are shown to see each of them.
/// </summary>
internal sealed class SchemaFeaturesSampleDbContext(DbContextOptions<SchemaFeaturesSampleDbContext> options) : DbContext(options)
{
    public static readonly StoreDescriptor Store = new("features_sample", "features_sample");

    public DbSet<SampleParent> Parents => Set<SampleParent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.Entity<SampleParent>(e =>
        {
            e.ToTable("parents", t => t.HasCheckConstraint("ck_parents_name_not_blank", "name <> ''"));
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Code).HasColumnName("code").HasMaxLength(20);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100).HasDefaultValue("unnamed");
            e.HasAlternateKey(x => x.Code).HasName("ak_parents_code");
            e.HasMany(x => x.Children).WithOne().HasForeignKey(c => c.ParentId)
                .HasConstraintName("fk_children_parents").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SampleChild>(e =>
        {
            e.ToTable("children");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.ParentId).HasColumnName("parent_id");
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.Label).HasColumnName("label").HasMaxLength(50);
            e.HasIndex(x => new { x.ParentId, x.Position }).IsDescending(false, true).HasDatabaseName("ix_children_parent_position");
            e.HasIndex(x => x.Label).IsUnique().HasFilter("label IS NOT NULL").HasDatabaseName("ix_children_label");
        });
    }
}
