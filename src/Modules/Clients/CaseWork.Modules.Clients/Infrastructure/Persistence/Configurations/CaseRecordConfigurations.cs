using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Configurations;

internal static class CaseRecordMapping
{
    public static void MapCaseRecord<T>(this EntityTypeBuilder<T> builder, string table)
        where T : CaseRecord
    {
        builder.ToTable(table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(r => r.ClientId).HasColumnName("client_id").HasTypedId();
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public const int MaxTextLength = 8000;

    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.MapCaseRecord("case_notes");
        builder.Property(n => n.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.OccurredAt).HasColumnName("occurred_at");
        builder.Property(n => n.DurationMinutes).HasColumnName("duration_minutes");
        builder.PrimitiveCollection(n => n.Topics).HasColumnName("topics").IsRequired();
        builder.Property(n => n.Text).HasColumnName("text").HasMaxLength(MaxTextLength);
        builder.Property(n => n.Author).HasColumnName("author").HasTypedId();
        builder.Property(n => n.RecordedAt).HasColumnName("recorded_at");
        builder.Property(n => n.KeptByLaw).HasColumnName("kept_by_law");
        // The timeline reads a client's latest notes: one index range scan, newest first.
        builder.HasIndex(n => new { n.ClientId, n.OccurredAt, n.Id }).IsDescending(false, true, true).HasDatabaseName("ix_case_notes_client_occurred_at_id");
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.MapCaseRecord("needs");
        builder.Property(n => n.Area).HasColumnName("area").HasMaxLength(32);
        builder.Property(n => n.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Description).HasColumnName("description").HasMaxLength(2000);
        builder.Property(n => n.IdentifiedOn).HasColumnName("identified_on");
        builder.Property(n => n.StatusChangedOn).HasColumnName("status_changed_on");
        builder.Property(n => n.ReferralId).HasColumnName("referral_id");
        builder.Ignore(n => n.IsOpen);
        builder.HasIndex(n => n.ClientId).HasDatabaseName("ix_needs_client");
        builder.HasIndex(n => n.ReferralId).HasDatabaseName("ix_needs_referral");
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.MapCaseRecord("goals");
        builder.Property(g => g.Title).HasColumnName("title").HasMaxLength(500);
        builder.Property(g => g.NextSteps).HasJsonConversion("next_steps");
        builder.Property(g => g.DueOn).HasColumnName("due_on");
        builder.Property(g => g.NeedId).HasColumnName("need_id");
        builder.Property(g => g.AgreedOn).HasColumnName("agreed_on");
        builder.Property(g => g.CompletedOn).HasColumnName("completed_on");
        builder.Property(g => g.Achieved).HasColumnName("achieved");
        builder.Property(g => g.Worker).HasColumnName("worker").HasTypedId();
        builder.HasIndex(g => g.ClientId).HasDatabaseName("ix_goals_client");
        builder.HasIndex(g => new { g.OfficeId, g.DueOn }).HasDatabaseName("ix_goals_office_due_on");
    }
}

internal sealed class ImportantDateConfiguration : IEntityTypeConfiguration<ImportantDate>
{
    public void Configure(EntityTypeBuilder<ImportantDate> builder)
    {
        builder.MapCaseRecord("important_dates");
        builder.Property(d => d.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.On).HasColumnName("on_date");
        builder.Property(d => d.Label).HasColumnName("label").HasMaxLength(500);
        builder.HasIndex(d => d.ClientId).HasDatabaseName("ix_important_dates_client");
        builder.HasIndex(d => new { d.OfficeId, d.On }).HasDatabaseName("ix_important_dates_office_on");
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.MapCaseRecord("consents");
        builder.Property(c => c.RecipientName).HasColumnName("recipient_name").HasMaxLength(300);
        builder.Property(c => c.RecipientType).HasColumnName("recipient_type").HasMaxLength(64);
        builder.Property(c => c.RecipientOrganisationId).HasColumnName("recipient_organisation_id");
        builder.Property(c => c.Purpose).HasColumnName("purpose").HasMaxLength(1000);
        builder.Property(c => c.DataCategories).HasJsonConversion("data_categories");
        builder.Property(c => c.GivenOn).HasColumnName("given_on");
        builder.Property(c => c.GivenInLanguage).HasColumnName("given_in_language").HasMaxLength(16);
        builder.Property(c => c.InterpreterHelped).HasColumnName("interpreter_helped");
        builder.Property(c => c.Form).HasColumnName("form").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ValidUntil).HasColumnName("valid_until");
        builder.Property(c => c.RevokedOn).HasColumnName("revoked_on");
        builder.Property(c => c.RecordedAt).HasColumnName("recorded_at");
        builder.Ignore(c => c.Recipient);
        builder.HasIndex(c => c.ClientId).HasDatabaseName("ix_consents_client");
    }
}
