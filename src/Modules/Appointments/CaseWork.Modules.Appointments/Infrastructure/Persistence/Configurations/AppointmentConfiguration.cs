using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments");
        builder.HasKey(a => a.Id).HasName("PK_appointments");
        builder.Property(a => a.Id).HasColumnName("id").HasTypedId().ValueGeneratedNever();
        builder.Property(a => a.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(a => a.SeriesId).HasColumnName("series_id");
        builder.Property(a => a.Kind).HasColumnName("kind");
        builder.Property(a => a.PlaceKind).HasColumnName("place_kind");
        builder.Property(a => a.PlaceText).HasColumnName("place_text").HasMaxLength(500).IsRequired();
        builder.Property(a => a.RoomId).HasColumnName("room_id");
        builder.Property(a => a.Topic).HasColumnName("topic").HasMaxLength(2000).IsRequired();
        builder.Property(a => a.DocumentsToBring).HasColumnName("documents_to_bring").HasMaxLength(1000);
        builder.Property(a => a.Start).HasColumnName("start_at");
        builder.Property(a => a.End).HasColumnName("end_at");
        builder.Property(a => a.Status).HasColumnName("status");
        builder.Property(a => a.CancelledBy).HasColumnName("cancelled_by");
        builder.Property(a => a.CancellationReason).HasColumnName("cancellation_reason").HasMaxLength(1000);
        builder.Property(a => a.InterpreterLanguage).HasColumnName("interpreter_language").HasMaxLength(16);
        builder.Property(a => a.InterpreterDialect).HasColumnName("interpreter_dialect").HasMaxLength(64);
        builder.Property(a => a.InterpreterModality).HasColumnName("interpreter_modality");
        builder.Property(a => a.InterpreterNotes).HasColumnName("interpreter_notes").HasMaxLength(1000);
        builder.Property(a => a.InterpreterStatus).HasColumnName("interpreter_status");
        builder.Property(a => a.InterpreterName).HasColumnName("interpreter_name").HasMaxLength(200);
        builder.Property(a => a.Sequence).HasColumnName("sequence");
        builder.Property(a => a.Version).HasColumnName("version");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Ignore(a => a.Interpreter);
        builder.Ignore(a => a.IsOpen);

        builder.HasMany(a => a.Clients).WithOne().HasForeignKey(c => c.AppointmentId)
            .HasConstraintName("FK_appointment_clients_appointments").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Workers).WithOne().HasForeignKey(w => w.AppointmentId)
            .HasConstraintName("FK_appointment_workers_appointments").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.TimeChanges).WithOne().HasForeignKey(t => t.AppointmentId)
            .HasConstraintName("FK_appointment_time_changes_appointments").OnDelete(DeleteBehavior.Cascade);

        // The agenda and the conflict check read appointments of an office by time.
        builder.HasIndex(a => new { a.OfficeId, a.Start }).HasDatabaseName("ix_appointments_office_start");
        builder.HasIndex(a => new { a.RoomId, a.Start }).HasDatabaseName("ix_appointments_room_start");
        builder.HasIndex(a => a.SeriesId).HasDatabaseName("ix_appointments_series");
    }
}

internal sealed class AppointmentClientConfiguration : IEntityTypeConfiguration<AppointmentClient>
{
    public void Configure(EntityTypeBuilder<AppointmentClient> builder)
    {
        builder.ToTable("appointment_clients");
        builder.HasKey(c => c.Id).HasName("PK_appointment_clients");
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.AppointmentId).HasColumnName("appointment_id").HasTypedId();
        builder.Property(c => c.ClientId).HasColumnName("client_id");
        builder.Property(c => c.PseudonymCode).HasColumnName("pseudonym_code").HasMaxLength(32).IsRequired();
        builder.Property(c => c.NoShow).HasColumnName("no_show");
        builder.HasIndex(c => c.AppointmentId).HasDatabaseName("ix_appointment_clients_appointment");
        builder.HasIndex(c => c.ClientId).HasDatabaseName("ix_appointment_clients_client");
    }
}

internal sealed class AppointmentWorkerConfiguration : IEntityTypeConfiguration<AppointmentWorker>
{
    public void Configure(EntityTypeBuilder<AppointmentWorker> builder)
    {
        builder.ToTable("appointment_workers");
        builder.HasKey(w => new { w.AppointmentId, w.WorkerId }).HasName("PK_appointment_workers");
        builder.Property(w => w.AppointmentId).HasColumnName("appointment_id").HasTypedId();
        builder.Property(w => w.WorkerId).HasColumnName("worker_id").HasTypedId();
        builder.HasIndex(w => w.WorkerId).HasDatabaseName("ix_appointment_workers_worker");
    }
}

internal sealed class AppointmentTimeChangeConfiguration : IEntityTypeConfiguration<AppointmentTimeChange>
{
    public void Configure(EntityTypeBuilder<AppointmentTimeChange> builder)
    {
        builder.ToTable("appointment_time_changes");
        builder.HasKey(t => t.Id).HasName("PK_appointment_time_changes");
        builder.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(t => t.AppointmentId).HasColumnName("appointment_id").HasTypedId();
        builder.Property(t => t.PreviousStart).HasColumnName("previous_start");
        builder.Property(t => t.PreviousEnd).HasColumnName("previous_end");
        builder.Property(t => t.ChangedAt).HasColumnName("changed_at");
        builder.HasIndex(t => t.AppointmentId).HasDatabaseName("ix_appointment_time_changes_appointment");
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.HasKey(r => r.Id).HasName("PK_reminders");
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(r => r.AppointmentId).HasColumnName("appointment_id").HasTypedId();
        builder.Property(r => r.ClientId).HasColumnName("client_id");
        builder.Property(r => r.WorkerId).HasColumnName("worker_id").HasTypedId();
        builder.Property(r => r.Purpose).HasColumnName("purpose");
        builder.Property(r => r.OffsetCode).HasColumnName("offset_code").HasMaxLength(16).IsRequired();
        builder.Property(r => r.Channel).HasColumnName("channel");
        builder.Property(r => r.Address).HasColumnName("address").HasMaxLength(320).IsRequired();
        builder.Property(r => r.Language).HasColumnName("language").HasMaxLength(16).IsRequired();
        builder.Property(r => r.Subject).HasColumnName("subject").HasMaxLength(200).IsRequired();
        builder.Property(r => r.Body).HasColumnName("body").HasMaxLength(2000).IsRequired();
        builder.Property(r => r.DueAt).HasColumnName("due_at");
        builder.Property(r => r.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(r => r.State).HasColumnName("state");
        builder.Property(r => r.SkipReason).HasColumnName("skip_reason");
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(1000);
        builder.Property(r => r.SentAt).HasColumnName("sent_at");
        builder.Property(r => r.SentByHandAt).HasColumnName("sent_by_hand_at");
        builder.Property(r => r.SentByHandBy).HasColumnName("sent_by_hand_by").HasTypedId();
        builder.Property(r => r.ClaimToken).HasColumnName("claim_token");
        builder.Property(r => r.ClaimedUntil).HasColumnName("claimed_until");
        builder.Ignore(r => r.IsPending);
        builder.Ignore(r => r.AwaitsSendingByHand);
        // The sweep's one question: what is due now (ADR 0014).
        builder.HasIndex(r => r.NextAttemptAt).HasDatabaseName("ix_reminders_next_attempt");
        builder.HasIndex(r => r.AppointmentId).HasDatabaseName("ix_reminders_appointment");
        // One day-ahead message per worker and day, whoever plans it (ADR 0022).
        builder.HasIndex(r => new { r.OfficeId, r.WorkerId, r.OffsetCode }).HasDatabaseName("ux_reminders_day_ahead")
            .IsUnique().HasFilter(FormattableString.Invariant($"purpose = {(int)ReminderPurpose.DayAhead}"));
    }
}

internal sealed class OfficeSettingsConfiguration : IEntityTypeConfiguration<OfficeSettings>
{
    public void Configure(EntityTypeBuilder<OfficeSettings> builder)
    {
        builder.ToTable("office_settings");
        builder.HasKey(s => s.OfficeId).HasName("PK_office_settings");
        builder.Property(s => s.OfficeId).HasColumnName("office_id").HasTypedId().ValueGeneratedNever();
        builder.Property(s => s.TimeZone).HasColumnName("time_zone").HasMaxLength(64).IsRequired();
        builder.Property(s => s.Phone).HasColumnName("phone").HasMaxLength(64).IsRequired();
        builder.Property(s => s.ClientReminderOffsets).HasColumnName("client_reminder_offsets").HasMaxLength(100).IsRequired();
        builder.Property(s => s.QuietFromMinute).HasColumnName("quiet_from_minute");
        builder.Property(s => s.QuietUntilMinute).HasColumnName("quiet_until_minute");
        builder.Property(s => s.OpenFromMinute).HasColumnName("open_from_minute");
        builder.Property(s => s.OpenUntilMinute).HasColumnName("open_until_minute");
        builder.Property(s => s.OpenDays).HasColumnName("open_days").HasMaxLength(32).IsRequired();
        builder.Property(s => s.Version).HasColumnName("version");
        builder.Ignore(s => s.Clock);
        builder.Ignore(s => s.ReminderPolicy);
        builder.Ignore(s => s.OfficeHours);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(r => r.Id).HasName("PK_rooms");
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(100).IsRequired();
        builder.Property(r => r.Active).HasColumnName("active");
        builder.HasIndex(r => r.OfficeId).HasDatabaseName("ix_rooms_office");
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.Id).HasName("PK_calendar_feeds");
        builder.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(f => f.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(f => f.WorkerId).HasColumnName("worker_id").HasTypedId();
        builder.Property(f => f.RoomId).HasColumnName("room_id");
        builder.Property(f => f.TokenHash).HasColumnName("token_hash").HasMaxLength(64).IsRequired();
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
        builder.Property(f => f.RevokedAt).HasColumnName("revoked_at");
        builder.HasIndex(f => f.TokenHash).IsUnique().HasDatabaseName("ux_calendar_feeds_token");
    }
}
