using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> e)
    {
        e.ToTable("referrals");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(r => r.OfficeId).HasColumnName("office_id").HasTypedId();
        e.Property(r => r.ClientId).HasColumnName("client_id");
        e.Property(r => r.ServiceId).HasColumnName("service_id");
        e.Property(r => r.OrganisationId).HasColumnName("organisation_id");
        e.Property(r => r.RecipientName).HasColumnName("recipient_name").HasMaxLength(200).IsRequired();
        e.Property(r => r.ServiceType).HasColumnName("service_type").HasMaxLength(32).IsRequired();
        e.Property(r => r.ToPublicBody).HasColumnName("to_public_body");
        e.Property(r => r.WorkerId).HasColumnName("worker_id").HasTypedId();
        e.Property(r => r.SharedCategories).HasColumnName("shared_categories").HasMaxLength(200).IsRequired();
        e.Property(r => r.Urgency).HasColumnName("urgency").HasMaxLength(16).HasConversion(new CodeConverter<ReferralUrgency>());
        e.Property(r => r.Message).HasColumnName("message").HasMaxLength(2000);
        e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16).HasConversion(new CodeConverter<ReferralStatus>());
        e.Property(r => r.CreatedAt).HasColumnName("created_at");
        e.Property(r => r.SentAt).HasColumnName("sent_at");
        e.Property(r => r.AcceptedAt).HasColumnName("accepted_at");
        e.Property(r => r.AnsweredAt).HasColumnName("answered_at");
        e.Property(r => r.ClosedAt).HasColumnName("closed_at");
        e.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(32).HasConversion(new CodeConverter<ReferralOutcome>());
        e.Property(r => r.DeclinedBy).HasColumnName("declined_by").HasMaxLength(16).HasConversion(new CodeConverter<DeclinedBy>());
        e.Property(r => r.DeclineReason).HasColumnName("decline_reason").HasMaxLength(32).HasConversion(new CodeConverter<DeclineReason>());
        e.Property(r => r.WaitlistPosition).HasColumnName("waitlist_position");
        e.Property(r => r.WaitlistExpectedOn).HasColumnName("waitlist_expected_on");
        e.Property(r => r.ConsentId).HasColumnName("consent_id");
        e.Property(r => r.ConsentOverriddenBy).HasColumnName("consent_overridden_by").HasTypedId();
        e.Property(r => r.ConsentOverrideReason).HasColumnName("consent_override_reason").HasMaxLength(1000);
        e.Property(r => r.PublicBodyWarningAcknowledged).HasColumnName("public_body_warning_acknowledged");
        e.Property(r => r.SharingStoppedAt).HasColumnName("sharing_stopped_at");
        e.Property(r => r.WorkerRemindedAt).HasColumnName("worker_reminded_at");
        e.Property(r => r.AgencyLinkHash).HasColumnName("agency_link_hash").HasMaxLength(64);
        e.Property(r => r.AgencyLinkExpiresAt).HasColumnName("agency_link_expires_at");
        e.Property(r => r.IsAnonymised).HasColumnName("is_anonymised");
        e.Property(r => r.Version).HasColumnName("version");
        e.Ignore(r => r.SharedCategoryList);
        e.Ignore(r => r.IsOpen);
        e.Ignore(r => r.SharesPersonalData);
        e.HasIndex(r => new { r.OfficeId, r.Status }).HasDatabaseName("IX_referrals_office_id_status");
        e.HasIndex(r => new { r.OfficeId, r.SentAt }).HasDatabaseName("IX_referrals_office_id_sent_at");
        e.HasIndex(r => new { r.OfficeId, r.ClientId }).HasDatabaseName("IX_referrals_office_id_client_id");
        e.HasIndex(r => r.OrganisationId).HasDatabaseName("IX_referrals_organisation_id");
        e.HasIndex(r => r.AgencyLinkHash).IsUnique().HasDatabaseName("IX_referrals_agency_link_hash");
        e.HasMany(r => r.Needs).WithOne().HasForeignKey(n => n.ReferralId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(r => r.Needs).HasField("_needs");
        e.Navigation(r => r.History).HasField("_history");
    }
}

internal sealed class ReferralNeedConfiguration : IEntityTypeConfiguration<ReferralNeed>
{
    public void Configure(EntityTypeBuilder<ReferralNeed> e)
    {
        e.ToTable("referral_needs");
        e.HasKey(n => new { n.ReferralId, n.NeedId });
        e.Property(n => n.ReferralId).HasColumnName("referral_id");
        e.Property(n => n.NeedId).HasColumnName("need_id");
        e.Property(n => n.Area).HasColumnName("area").HasMaxLength(32).IsRequired();
    }
}

internal sealed class ReferralStatusChangeConfiguration : IEntityTypeConfiguration<ReferralStatusChange>
{
    public void Configure(EntityTypeBuilder<ReferralStatusChange> e)
    {
        e.ToTable("referral_status_changes");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(h => h.ReferralId).HasColumnName("referral_id");
        e.Property(h => h.From).HasColumnName("from_status").HasMaxLength(16).HasConversion(new CodeConverter<ReferralStatus>());
        e.Property(h => h.To).HasColumnName("to_status").HasMaxLength(16).HasConversion(new CodeConverter<ReferralStatus>());
        e.Property(h => h.At).HasColumnName("at");
        e.Property(h => h.ActorKind).HasColumnName("actor_kind").HasMaxLength(16).HasConversion(new CodeConverter<ActorKind>());
        e.Property(h => h.ActorUserId).HasColumnName("actor_user_id").HasTypedId();
        e.Property(h => h.ActorName).HasColumnName("actor_name").HasMaxLength(200).IsRequired();
        e.Property(h => h.Note).HasColumnName("note").HasMaxLength(2000);

        // "Was it ever waitlisted?" is asked of every referral in the outcome view; with the status in the index the answer
        // comes from the index alone. The index also serves the foreign key (leading column).
        e.HasIndex(h => new { h.ReferralId, h.To }).HasDatabaseName("IX_referral_status_changes_referral_id_to_status");
    }
}

internal sealed class OfficeReferralSettingsConfiguration : IEntityTypeConfiguration<OfficeReferralSettings>
{
    public void Configure(EntityTypeBuilder<OfficeReferralSettings> e)
    {
        e.ToTable("office_settings");
        e.HasKey(s => s.OfficeId);
        e.Property(s => s.OfficeId).HasColumnName("office_id").HasTypedId().ValueGeneratedNever();
        e.Property(s => s.ReminderAfterWorkingDays).HasColumnName("reminder_after_working_days");
        e.Property(s => s.ExpiryAfterDays).HasColumnName("expiry_after_days");
        e.Property(s => s.AgencyLinkDays).HasColumnName("agency_link_days");
        e.Property(s => s.Land).HasColumnName("land").HasMaxLength(2);
        e.Property(s => s.Version).HasColumnName("version");
        e.Ignore(s => s.Policy);
    }
}
