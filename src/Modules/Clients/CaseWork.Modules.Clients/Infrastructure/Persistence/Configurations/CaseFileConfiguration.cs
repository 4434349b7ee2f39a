using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Configurations;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("case_files");
        builder.HasKey(f => f.ClientId);
        builder.Property(f => f.ClientId).HasColumnName("client_id").HasTypedId().ValueGeneratedNever();
        builder.Property(f => f.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(f => f.IsOpen).HasColumnName("is_open");
        builder.Property(f => f.OpenedOn).HasColumnName("opened_on");
        builder.Property(f => f.ClosedOn).HasColumnName("closed_on");
        builder.Property(f => f.ClosingReason).HasColumnName("closing_reason").HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.ClosingNote).HasColumnName("closing_note").HasMaxLength(2000);
        builder.Property(f => f.LeadWorker).HasColumnName("lead_worker").HasTypedId();
        builder.PrimitiveCollection(f => f.OtherWorkers).HasColumnName("other_workers").IsRequired();
        builder.Property(f => f.Version).HasColumnName("version");
        builder.HasIndex(f => new { f.OfficeId, f.LeadWorker }).HasDatabaseName("ix_case_files_office_lead_worker");
        builder.HasIndex(f => new { f.IsOpen, f.ClosedOn }).HasDatabaseName("ix_case_files_closed_on");
    }
}

internal sealed class OfficeRetentionSettingConfiguration : IEntityTypeConfiguration<OfficeRetentionSetting>
{
    public void Configure(EntityTypeBuilder<OfficeRetentionSetting> builder)
    {
        builder.ToTable("office_retention_settings");
        builder.HasKey(s => s.OfficeId);
        builder.Property(s => s.OfficeId).HasColumnName("office_id").HasTypedId().ValueGeneratedNever();
        builder.Property(s => s.RetentionYears).HasColumnName("retention_years");
        builder.Property(s => s.ChangedAt).HasColumnName("changed_at");
        builder.Ignore(s => s.Period);
    }
}

internal sealed class AnonymousContactConfiguration : IEntityTypeConfiguration<AnonymousContact>
{
    public void Configure(EntityTypeBuilder<AnonymousContact> builder)
    {
        builder.ToTable("anonymous_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(c => c.Nickname).HasColumnName("nickname").HasMaxLength(100);
        builder.Property(c => c.RoughAge).HasColumnName("rough_age");
        builder.Property(c => c.Topics).HasJsonConversion("topics");
        builder.Property(c => c.Place).HasColumnName("place").HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.MetOn).HasColumnName("met_on");
        builder.Property(c => c.Note).HasColumnName("note").HasMaxLength(4000);
        builder.Property(c => c.Worker).HasColumnName("worker").HasTypedId();
        builder.Property(c => c.RecordedAt).HasColumnName("recorded_at");
        builder.Property(c => c.ConvertedTo).HasColumnName("converted_to").HasTypedId();
        builder.Property(c => c.ConvertedAt).HasColumnName("converted_at");
        builder.Property(c => c.Version).HasColumnName("version");
        builder.Ignore(c => c.IsConverted);
        builder.HasIndex(c => new { c.OfficeId, c.MetOn }).HasDatabaseName("ix_anonymous_contacts_office_met_on");
    }
}
