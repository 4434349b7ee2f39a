using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

internal sealed class InterpreterProfileConfiguration : IEntityTypeConfiguration<InterpreterProfile>
{
    public void Configure(EntityTypeBuilder<InterpreterProfile> builder)
    {
        builder.ToTable("interpreter_profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").HasTypedId().ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasColumnName("display_name").HasMaxLength(200).IsRequired();
        builder.Property(p => p.Email).HasColumnName("email").HasMaxLength(256);
        builder.Property(p => p.Phone).HasColumnName("phone").HasMaxLength(64);
        builder.Property(p => p.Gender).HasColumnName("gender").HasMaxLength(16);
        builder.Property(p => p.Languages).AsJson("languages");
        builder.Property(p => p.LanguageCodes).HasColumnName("language_codes").HasMaxLength(200).IsRequired().HasDefaultValue("");
        builder.Property(p => p.Modalities).HasColumnName("modalities");
        builder.Property(p => p.Districts).AsJson("districts");
        builder.Property(p => p.TravelRadiusKm).HasColumnName("travel_radius_km");
        builder.Property(p => p.DailyMaximum).HasColumnName("daily_maximum");
        builder.Property(p => p.WeeklyAvailability).AsJson("weekly_availability");
        builder.Property(p => p.Absences).AsJson("absences");
        builder.Property(p => p.LastAssignedAt).HasColumnName("last_assigned_at");
        builder.Property(p => p.BookingGuard).HasColumnName("booking_guard");
        builder.Property(p => p.CalendarToken).HasColumnName("calendar_token").HasMaxLength(64).IsRequired();
        builder.Property(p => p.Version).HasColumnName("version");
    }
}

internal sealed class PoolMembershipConfiguration : IEntityTypeConfiguration<PoolMembership>
{
    public void Configure(EntityTypeBuilder<PoolMembership> builder)
    {
        builder.ToTable("pool_memberships");
        builder.HasKey(m => new { m.OfficeId, m.InterpreterId });
        builder.Property(m => m.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(m => m.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(m => m.Since).HasColumnName("since");
        builder.Property(m => m.Fees).AsJson("fee_rates").HasDefaultValueSql("'" + PoolMembership.NoFeesJson + "'");
        builder.Property(m => m.Version).HasColumnName("version").HasDefaultValue(0);
        builder.Property(m => m.LeftAt).HasColumnName("left_at");
        builder.HasIndex(m => m.InterpreterId).HasDatabaseName("ix_pool_memberships_interpreter");
    }
}

internal sealed class PoolInvitationConfiguration : IEntityTypeConfiguration<PoolInvitation>
{
    public void Configure(EntityTypeBuilder<PoolInvitation> builder)
    {
        builder.ToTable("pool_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(i => i.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(i => i.Email).HasColumnName("email").HasMaxLength(256).IsRequired();
        builder.Property(i => i.InvitedBy).HasColumnName("invited_by").HasTypedId();
        builder.Property(i => i.InvitedAt).HasColumnName("invited_at");
        builder.Property(i => i.ExpiresAt).HasColumnName("expires_at");
        builder.Property(i => i.State).HasColumnName("state");
        builder.Property(i => i.AnsweredBy).HasColumnName("answered_by").HasTypedId();
        builder.Property(i => i.AnsweredAt).HasColumnName("answered_at");
        builder.Property(i => i.Version).HasColumnName("version");
        builder.HasIndex(i => i.Email).HasDatabaseName("ix_pool_invitations_email");
        builder.HasIndex(i => i.OfficeId).HasDatabaseName("ix_pool_invitations_office");
    }
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> builder)
    {
        builder.ToTable("conflicts_of_interest");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(c => c.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(c => c.ClientId).HasColumnName("client_id");
        builder.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(500).IsRequired();
        builder.Property(c => c.DeclaredAt).HasColumnName("declared_at");
        builder.HasIndex(c => new { c.OfficeId, c.ClientId }).HasDatabaseName("ix_conflicts_of_interest_client");
    }
}

internal sealed class BookingPolicyConfiguration : IEntityTypeConfiguration<BookingPolicy>
{
    public void Configure(EntityTypeBuilder<BookingPolicy> builder)
    {
        builder.ToTable("booking_policies");
        builder.HasKey(p => p.OfficeId);
        builder.Property(p => p.OfficeId).HasColumnName("office_id").HasTypedId().ValueGeneratedNever();
        builder.Property(p => p.NoticeWorkingDays).HasColumnName("notice_working_days");
        builder.Property(p => p.TierSize).HasColumnName("tier_size");
        builder.Property(p => p.TierWindowMinutes).HasColumnName("tier_window_minutes");
        builder.Property(p => p.UrgentTierWindowMinutes).HasColumnName("urgent_tier_window_minutes");
        builder.Property(p => p.TravelBufferMinutes).HasColumnName("travel_buffer_minutes");
        builder.Property(p => p.LateCancellationHours).HasColumnName("late_cancellation_hours");
        builder.Property(p => p.FillDeadlineHoursBeforeStart).HasColumnName("fill_deadline_hours_before_start");
        builder.Property(p => p.DetailAccessDays).HasColumnName("detail_access_days");
        builder.Property(p => p.TimeZone).HasColumnName("time_zone").HasMaxLength(64).IsRequired();
        builder.Property(p => p.DefaultDistrict).HasColumnName("default_district").HasMaxLength(100);
        // The default fills rows saved before the column existed (SQLite cannot drop a default without rebuilding the table);
        // EF always writes the version itself (the sentinel is never a real version).
        builder.Property(p => p.Version).HasColumnName("version").HasDefaultValue(0).HasSentinel(-1);
        builder.Ignore(p => p.Zone);
        builder.Ignore(p => p.TravelBuffer);
    }
}

internal sealed class InterpreterRequestConfiguration : IEntityTypeConfiguration<InterpreterRequest>
{
    public void Configure(EntityTypeBuilder<InterpreterRequest> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(r => r.AppointmentId).HasColumnName("appointment_id");
        builder.Property(r => r.ClientIds).AsJson("client_ids");
        builder.Property(r => r.Language).HasColumnName("language").HasMaxLength(16).IsRequired();
        builder.Property(r => r.Dialect).HasColumnName("dialect").HasMaxLength(64);
        builder.Property(r => r.Modality).HasColumnName("modality");
        builder.Property(r => r.Start).HasColumnName("start_at");
        builder.Property(r => r.End).HasColumnName("end_at");
        builder.Property(r => r.Place).HasColumnName("place").HasMaxLength(500);
        builder.Property(r => r.District).HasColumnName("district").HasMaxLength(100);
        builder.Property(r => r.SubjectArea).HasColumnName("subject_area");
        builder.Property(r => r.PreferredGender).HasColumnName("preferred_gender").HasMaxLength(16);
        builder.Property(r => r.Notes).HasColumnName("notes").HasMaxLength(1000);
        builder.Property(r => r.Urgent).HasColumnName("urgent");
        builder.Property(r => r.State).HasColumnName("state");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.CreatedBy).HasColumnName("created_by").HasTypedId();
        builder.Property(r => r.ContactWorkerId).HasColumnName("contact_worker_id").HasTypedId();
        builder.Property(r => r.Deadline).HasColumnName("deadline");
        builder.Property(r => r.Round).HasColumnName("round");
        builder.Property(r => r.CurrentTier).HasColumnName("current_tier");
        builder.Property(r => r.TierStartedAt).HasColumnName("tier_started_at");
        builder.Property(r => r.FilledAt).HasColumnName("filled_at");
        builder.Property(r => r.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(r => r.ClosedAt).HasColumnName("closed_at");
        builder.Property(r => r.CancellationReason).HasColumnName("cancellation_reason").HasMaxLength(500);
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Ignore(r => r.Duration);
        builder.Ignore(r => r.Need);
        builder.Ignore(r => r.PendingOffers);
        builder.Ignore(r => r.IsOpenForOffers);
        builder.Ignore(r => r.IsEditable);
        builder.HasMany(r => r.Offers).WithOne().HasForeignKey(o => o.RequestId)
            .HasConstraintName("fk_offers_request").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Offers).AutoInclude();
        builder.HasIndex(r => new { r.OfficeId, r.State, r.Start }).HasDatabaseName("ix_requests_office_state");
        builder.HasIndex(r => r.AppointmentId).HasDatabaseName("ix_requests_appointment");
        builder.HasIndex(r => new { r.State, r.Deadline }).HasDatabaseName("ix_requests_due");
    }
}

/// <summary>The client → requests lookup (ADR 0056); rows go with their request.</summary>
internal sealed class RequestClientConfiguration : IEntityTypeConfiguration<RequestClient>
{
    public void Configure(EntityTypeBuilder<RequestClient> builder)
    {
        builder.ToTable("request_clients");
        builder.HasKey(c => new { c.RequestId, c.ClientId });
        builder.Property(c => c.RequestId).HasColumnName("request_id");
        builder.Property(c => c.ClientId).HasColumnName("client_id");
        builder.Property(c => c.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.HasOne<InterpreterRequest>().WithMany().HasForeignKey(c => c.RequestId)
            .HasConstraintName("fk_request_clients_request").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ClientId).HasDatabaseName("ix_request_clients_client");
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.RequestId).HasColumnName("request_id");
        builder.Property(o => o.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(o => o.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(o => o.Round).HasColumnName("round");
        builder.Property(o => o.Tier).HasColumnName("tier");
        builder.Property(o => o.Rank).HasColumnName("rank");
        builder.Property(o => o.Qualification).HasColumnName("qualification");
        builder.Property(o => o.LastAssignedAtWhenOffered).HasColumnName("last_assigned_at_when_offered");
        builder.Property(o => o.OfferedAt).HasColumnName("offered_at");
        builder.Property(o => o.State).HasColumnName("state");
        builder.Property(o => o.RespondedAt).HasColumnName("responded_at");
        builder.Property(o => o.DeclineReason).HasColumnName("decline_reason").HasMaxLength(500);
        builder.Property(o => o.LinkToken).HasColumnName("link_token").HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.RequestId).HasDatabaseName("ix_offers_request");
        builder.HasIndex(o => new { o.InterpreterId, o.State }).HasDatabaseName("ix_offers_interpreter_state");
        builder.HasIndex(o => o.LinkToken).IsUnique().HasDatabaseName("ux_offers_link_token");
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(b => b.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(b => b.RequestId).HasColumnName("request_id");
        builder.Property(b => b.ActiveRequestId).HasColumnName("active_request_id");
        builder.Property(b => b.AppointmentId).HasColumnName("appointment_id");
        builder.Property(b => b.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(b => b.Language).HasColumnName("language").HasMaxLength(16).IsRequired();
        builder.Property(b => b.Dialect).HasColumnName("dialect").HasMaxLength(64);
        builder.Property(b => b.Modality).HasColumnName("modality");
        builder.Property(b => b.Start).HasColumnName("start_at");
        builder.Property(b => b.End).HasColumnName("end_at");
        builder.Property(b => b.BookedAt).HasColumnName("booked_at");
        builder.Property(b => b.State).HasColumnName("state");
        builder.Property(b => b.CancelledAt).HasColumnName("cancelled_at");
        builder.Property(b => b.CancellationReason).HasColumnName("cancellation_reason").HasMaxLength(500);
        builder.Property(b => b.Billable).HasColumnName("billable");
        builder.Property(b => b.ActualStart).HasColumnName("actual_start");
        builder.Property(b => b.ActualEnd).HasColumnName("actual_end");
        builder.Property(b => b.TravelMinutes).HasColumnName("travel_minutes");
        builder.Property(b => b.Kilometres).HasColumnName("kilometres").HasPrecision(8, 1);
        builder.Property(b => b.ConfirmationCode).HasColumnName("confirmation_code").HasMaxLength(16).IsRequired();
        builder.Property(b => b.ConfirmedAt).HasColumnName("confirmed_at");
        builder.Property(b => b.ConfirmedBy).HasColumnName("confirmed_by").HasTypedId();
        builder.Property(b => b.Version).HasColumnName("version");
        builder.Ignore(b => b.IsLive);
        builder.Ignore(b => b.Busy);
        // One live booking per request, in the database: a second one fails even if two hosts get past every check.
        builder.HasIndex(b => b.ActiveRequestId).IsUnique().HasDatabaseName("ux_bookings_active_request");
        builder.HasIndex(b => new { b.InterpreterId, b.Start }).HasDatabaseName("ix_bookings_interpreter_start");
        // Overlap checks (matching, booking, reconfirming), the job list and the upcoming counts ask for bookings that end after
        // a moment: by end, only those are read, not the interpreter's whole history (ADR 0049). Start and state ride along,
        // so an overlap check decides from the index alone.
        builder.HasIndex(b => new { b.InterpreterId, b.End, b.Start, b.State }).HasDatabaseName("ix_bookings_interpreter_end");
        builder.HasIndex(b => new { b.OfficeId, b.Start }).HasDatabaseName("ix_bookings_office_start");
        builder.HasIndex(b => b.RequestId).HasDatabaseName("ix_bookings_request");
    }
}

internal sealed class InterpreterNotificationConfiguration : IEntityTypeConfiguration<InterpreterNotification>
{
    public void Configure(EntityTypeBuilder<InterpreterNotification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(n => n.InterpreterId).HasColumnName("interpreter_id").HasTypedId();
        builder.Property(n => n.RequestId).HasColumnName("request_id");
        builder.Property(n => n.Kind).HasColumnName("kind");
        builder.Property(n => n.Address).HasColumnName("address").HasMaxLength(256);
        builder.Property(n => n.Subject).HasColumnName("subject").HasMaxLength(200).IsRequired();
        builder.Property(n => n.Body).HasColumnName("body").HasMaxLength(4000).IsRequired();
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        builder.Property(n => n.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(n => n.State).HasColumnName("state");
        builder.Property(n => n.Attempts).HasColumnName("attempts");
        builder.Property(n => n.LastError).HasColumnName("last_error").HasMaxLength(500);
        builder.Property(n => n.SentAt).HasColumnName("sent_at");
        builder.Property(n => n.ClaimToken).HasColumnName("claim_token");
        builder.Property(n => n.ClaimedUntil).HasColumnName("claimed_until");
        builder.HasIndex(n => n.NextAttemptAt).HasDatabaseName("ix_notifications_next_attempt");
        builder.HasIndex(n => n.ClaimToken).HasDatabaseName("ix_notifications_claim");
        builder.HasIndex(n => n.RequestId).HasDatabaseName("ix_notifications_request");
        // The sweep's redaction (every 10 s) reads only the mails whose text is still stored: a few weeks' worth, not all (ADR 0055).
        builder.HasIndex(n => n.OfficeId).HasDatabaseName("ix_notifications_unredacted").HasFilter("body <> ''");
    }
}
