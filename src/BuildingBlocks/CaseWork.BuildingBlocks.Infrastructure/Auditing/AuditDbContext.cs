using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing;

/// <summary>The host-owned <c>audit</c> store: the hash-chained audit trail.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    /// <summary>The audit store: file <c>audit.db</c>, schema <c>audit</c>.</summary>
    public static readonly StoreDescriptor Store = new("audit", "audit") { UsesEfSqliteFunctions = false };

    /// <summary>The entries, in chain order by <see cref="AuditEntry.Sequence"/>.</summary>
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        StoreConventions.Apply(configurationBuilder, Database);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(256).IsRequired();
            e.Property(x => x.OfficeId).HasColumnName("office_id");
            e.Property(x => x.Module).HasColumnName("module").HasMaxLength(64).IsRequired();
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(32).IsRequired();
            e.Property(x => x.RecordType).HasColumnName("record_type").HasMaxLength(128).IsRequired();
            e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(128).IsRequired();
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(2000);
            e.Property(x => x.Details).HasColumnName("details").HasMaxLength(2000);
            e.Property(x => x.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64).IsRequired();
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64).IsRequired();
            e.HasIndex(x => new { x.Module, x.RecordType, x.RecordId }).HasDatabaseName("ix_audit_entries_record");
        });
    }
}
