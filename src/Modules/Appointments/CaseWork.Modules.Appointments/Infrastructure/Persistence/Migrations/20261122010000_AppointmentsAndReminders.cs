using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence.Migrations;

/// <summary>Appointments with their clients, workers and earlier times; reminder rows; office settings, rooms and calendar feeds.</summary>
[DbContext(typeof(AppointmentsDbContext))]
[Migration("20261122010000_AppointmentsAndReminders")]
internal sealed class AppointmentsAndReminders : Migration
{
    private const string Schema = "appointments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "appointments",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                series_id = table.Column<Guid>(nullable: true),
                kind = table.Column<int>(nullable: false),
                place_kind = table.Column<int>(nullable: false),
                place_text = table.Column<string>(maxLength: 500, nullable: false),
                room_id = table.Column<Guid>(nullable: true),
                topic = table.Column<string>(maxLength: 2000, nullable: false),
                documents_to_bring = table.Column<string>(maxLength: 1000, nullable: true),
                start_at = table.Column<DateTimeOffset>(nullable: false),
                end_at = table.Column<DateTimeOffset>(nullable: false),
                status = table.Column<int>(nullable: false),
                cancelled_by = table.Column<int>(nullable: true),
                cancellation_reason = table.Column<string>(maxLength: 1000, nullable: true),
                interpreter_language = table.Column<string>(maxLength: 16, nullable: true),
                interpreter_dialect = table.Column<string>(maxLength: 64, nullable: true),
                interpreter_modality = table.Column<int>(nullable: true),
                interpreter_notes = table.Column<string>(maxLength: 1000, nullable: true),
                interpreter_status = table.Column<int>(nullable: false),
                interpreter_name = table.Column<string>(maxLength: 200, nullable: true),
                sequence = table.Column<int>(nullable: false),
                version = table.Column<int>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_appointments", x => x.id));
        migrationBuilder.CreateIndex("ix_appointments_office_start", "appointments", ["office_id", "start_at"], Schema);
        migrationBuilder.CreateIndex("ix_appointments_room_start", "appointments", ["room_id", "start_at"], Schema);
        migrationBuilder.CreateIndex("ix_appointments_series", "appointments", "series_id", Schema);

        migrationBuilder.CreateTable(
            name: "appointment_clients",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: true),
                pseudonym_code = table.Column<string>(maxLength: 32, nullable: false),
                no_show = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_appointment_clients", x => x.id);
                table.ForeignKey("FK_appointment_clients_appointments", x => x.appointment_id, "appointments", "id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_appointment_clients_appointment", "appointment_clients", "appointment_id", Schema);
        migrationBuilder.CreateIndex("ix_appointment_clients_client", "appointment_clients", "client_id", Schema);

        migrationBuilder.CreateTable(
            name: "appointment_workers",
            schema: Schema,
            columns: table => new
            {
                appointment_id = table.Column<Guid>(nullable: false),
                worker_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_appointment_workers", x => new { x.appointment_id, x.worker_id });
                table.ForeignKey("FK_appointment_workers_appointments", x => x.appointment_id, "appointments", "id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_appointment_workers_worker", "appointment_workers", "worker_id", Schema);

        migrationBuilder.CreateTable(
            name: "appointment_time_changes",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                previous_start = table.Column<DateTimeOffset>(nullable: false),
                previous_end = table.Column<DateTimeOffset>(nullable: false),
                changed_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_appointment_time_changes", x => x.id);
                table.ForeignKey("FK_appointment_time_changes_appointments", x => x.appointment_id, "appointments", "id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_appointment_time_changes_appointment", "appointment_time_changes", "appointment_id", Schema);

        migrationBuilder.CreateTable(
            name: "reminders",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: true),
                worker_id = table.Column<Guid>(nullable: true),
                purpose = table.Column<int>(nullable: false),
                offset_code = table.Column<string>(maxLength: 16, nullable: false),
                channel = table.Column<int>(nullable: false),
                address = table.Column<string>(maxLength: 320, nullable: false),
                language = table.Column<string>(maxLength: 16, nullable: false),
                subject = table.Column<string>(maxLength: 200, nullable: false),
                body = table.Column<string>(maxLength: 2000, nullable: false),
                due_at = table.Column<DateTimeOffset>(nullable: true),
                next_attempt_at = table.Column<DateTimeOffset>(nullable: true),
                state = table.Column<int>(nullable: false),
                skip_reason = table.Column<int>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 1000, nullable: true),
                sent_at = table.Column<DateTimeOffset>(nullable: true),
                claim_token = table.Column<Guid>(nullable: true),
                claimed_until = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reminders", x => x.id));
        migrationBuilder.CreateIndex("ix_reminders_next_attempt", "reminders", "next_attempt_at", Schema);
        migrationBuilder.CreateIndex("ix_reminders_appointment", "reminders", "appointment_id", Schema);

        migrationBuilder.CreateTable(
            name: "office_settings",
            schema: Schema,
            columns: table => new
            {
                office_id = table.Column<Guid>(nullable: false),
                time_zone = table.Column<string>(maxLength: 64, nullable: false),
                phone = table.Column<string>(maxLength: 64, nullable: false),
                client_reminder_offsets = table.Column<string>(maxLength: 100, nullable: false),
                quiet_from_minute = table.Column<int>(nullable: false),
                quiet_until_minute = table.Column<int>(nullable: false),
                open_from_minute = table.Column<int>(nullable: false),
                open_until_minute = table.Column<int>(nullable: false),
                open_days = table.Column<string>(maxLength: 32, nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_office_settings", x => x.office_id));

        migrationBuilder.CreateTable(
            name: "rooms",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                active = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_rooms", x => x.id));
        migrationBuilder.CreateIndex("ix_rooms_office", "rooms", "office_id", Schema);

        migrationBuilder.CreateTable(
            name: "calendar_feeds",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                worker_id = table.Column<Guid>(nullable: true),
                room_id = table.Column<Guid>(nullable: true),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                revoked_at = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_calendar_feeds", x => x.id));
        migrationBuilder.CreateIndex("ux_calendar_feeds_token", "calendar_feeds", "token_hash", Schema, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "calendar_feeds", "rooms", "office_settings", "reminders", "appointment_time_changes", "appointment_workers", "appointment_clients", "appointments" })
        {
            migrationBuilder.DropTable(table, Schema);
        }
    }
}
