using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Tests.Schema;

/// <summary>A record of the drifted sample store.</summary>
internal sealed class SampleRecord
{
    public Guid Id { get; set; }

    public string Reference { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>
/// A deliberately drifted store, the canary of the drift check: its model has a <c>note</c> column and a unique index
/// on <c>reference</c> that its migration does not create, and its migration creates a <c>legacy_code</c> column
/// the model does not have.
/// </summary>
internal sealed class DriftedSampleDbContext(DbContextOptions<DriftedSampleDbContext> options) : DbContext(options)
{
    public static readonly StoreDescriptor Store = new("drifted_sample", "drifted_sample");

    public DbSet<SampleRecord> Records => Set<SampleRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.Entity<SampleRecord>(e =>
        {
            e.ToTable("sample_records");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Reference).HasColumnName("reference").HasMaxLength(40).IsRequired();
            e.Property(x => x.Note).HasColumnName("note").HasMaxLength(200);
            e.HasIndex(x => x.Reference).IsUnique().HasDatabaseName("ix_sample_records_reference");
        });
    }
}

[DbContext(typeof(DriftedSampleDbContext))]
[Migration("20260101000000_InitialDriftedSample")]
internal sealed class InitialDriftedSample : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(DriftedSampleDbContext.Store.Schema);
        migrationBuilder.CreateTable(
            name: "sample_records",
            schema: DriftedSampleDbContext.Store.Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                reference = table.Column<string>(maxLength: 40, nullable: false),
                legacy_code = table.Column<string>(maxLength: 10, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_sample_records", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "sample_records", schema: DriftedSampleDbContext.Store.Schema);
}

/// <summary>A store with a model but no migration at all: the drift check must refuse it rather than compare nothing.</summary>
internal sealed class UnmigratedSampleDbContext(DbContextOptions<UnmigratedSampleDbContext> options) : DbContext(options)
{
    public static readonly StoreDescriptor Store = new("unmigrated_sample", "unmigrated_sample");

    public DbSet<SampleRecord> Records => Set<SampleRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.Entity<SampleRecord>(e => e.ToTable("sample_records"));
    }
}
