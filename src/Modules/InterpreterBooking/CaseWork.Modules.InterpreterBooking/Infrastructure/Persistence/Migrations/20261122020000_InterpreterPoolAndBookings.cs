using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>The interpreter pool, office policies, requests with their offers, and bookings (ADR 0018).</summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261122020000_InterpreterPoolAndBookings")]
internal sealed class InterpreterPoolAndBookings : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "interpreter_profiles",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                email = table.Column<string>(maxLength: 256, nullable: true),
                phone = table.Column<string>(maxLength: 64, nullable: true),
                gender = table.Column<string>(maxLength: 16, nullable: true),
                languages = table.Column<string>(nullable: false),
                modalities = table.Column<int>(nullable: false),
                districts = table.Column<string>(nullable: false),
                travel_radius_km = table.Column<int>(nullable: true),
                daily_maximum = table.Column<int>(nullable: false),
                fee_rates = table.Column<string>(nullable: false),
                weekly_availability = table.Column<string>(nullable: false),
                absences = table.Column<string>(nullable: false),
                last_assigned_at = table.Column<DateTimeOffset>(nullable: true),
                booking_guard = table.Column<long>(nullable: false),
                calendar_token = table.Column<string>(maxLength: 64, nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_interpreter_profiles", x => x.id));

        migrationBuilder.CreateTable(
            name: "pool_memberships",
            schema: Schema,
            columns: table => new
            {
                office_id = table.Column<Guid>(nullable: false),
                interpreter_id = table.Column<Guid>(nullable: false),
                since = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_pool_memberships", x => new { x.office_id, x.interpreter_id }));
        migrationBuilder.CreateIndex(name: "ix_pool_memberships_interpreter", schema: Schema, table: "pool_memberships", column: "interpreter_id");

        migrationBuilder.CreateTable(
            name: "conflicts_of_interest",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                interpreter_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: true),
                reason = table.Column<string>(maxLength: 500, nullable: false),
                declared_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_conflicts_of_interest", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_conflicts_of_interest_client", schema: Schema, table: "conflicts_of_interest", columns: ["office_id", "client_id"]);

        migrationBuilder.CreateTable(
            name: "booking_policies",
            schema: Schema,
            columns: table => new
            {
                office_id = table.Column<Guid>(nullable: false),
                notice_working_days = table.Column<int>(nullable: false),
                tier_size = table.Column<int>(nullable: false),
                tier_window_minutes = table.Column<int>(nullable: false),
                urgent_tier_window_minutes = table.Column<int>(nullable: false),
                travel_buffer_minutes = table.Column<int>(nullable: false),
                late_cancellation_hours = table.Column<int>(nullable: false),
                fill_deadline_hours_before_start = table.Column<int>(nullable: false),
                detail_access_days = table.Column<int>(nullable: false),
                time_zone = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_booking_policies", x => x.office_id));

        migrationBuilder.CreateTable(
            name: "requests",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: true),
                client_ids = table.Column<string>(nullable: false),
                language = table.Column<string>(maxLength: 16, nullable: false),
                dialect = table.Column<string>(maxLength: 64, nullable: true),
                modality = table.Column<int>(nullable: false),
                start_at = table.Column<DateTimeOffset>(nullable: false),
                end_at = table.Column<DateTimeOffset>(nullable: false),
                place = table.Column<string>(maxLength: 500, nullable: true),
                district = table.Column<string>(maxLength: 100, nullable: true),
                subject_area = table.Column<int>(nullable: false),
                preferred_gender = table.Column<string>(maxLength: 16, nullable: true),
                notes = table.Column<string>(maxLength: 1000, nullable: true),
                urgent = table.Column<bool>(nullable: false),
                state = table.Column<int>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                created_by = table.Column<Guid>(nullable: true),
                contact_worker_id = table.Column<Guid>(nullable: true),
                deadline = table.Column<DateTimeOffset>(nullable: false),
                round = table.Column<int>(nullable: false),
                current_tier = table.Column<int>(nullable: false),
                tier_started_at = table.Column<DateTimeOffset>(nullable: true),
                filled_at = table.Column<DateTimeOffset>(nullable: true),
                interpreter_id = table.Column<Guid>(nullable: true),
                closed_at = table.Column<DateTimeOffset>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_requests", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_requests_office_state", schema: Schema, table: "requests", columns: ["office_id", "state", "start_at"]);
        migrationBuilder.CreateIndex(name: "ix_requests_appointment", schema: Schema, table: "requests", column: "appointment_id");
        migrationBuilder.CreateIndex(name: "ix_requests_due", schema: Schema, table: "requests", columns: ["state", "deadline"]);

        migrationBuilder.CreateTable(
            name: "offers",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                request_id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                interpreter_id = table.Column<Guid>(nullable: false),
                round = table.Column<int>(nullable: false),
                tier = table.Column<int>(nullable: false),
                rank = table.Column<int>(nullable: false),
                qualification = table.Column<int>(nullable: false),
                last_assigned_at_when_offered = table.Column<DateTimeOffset>(nullable: true),
                offered_at = table.Column<DateTimeOffset>(nullable: false),
                state = table.Column<int>(nullable: false),
                responded_at = table.Column<DateTimeOffset>(nullable: true),
                decline_reason = table.Column<string>(maxLength: 500, nullable: true),
                link_token = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_offers", x => x.id);
                table.ForeignKey(
                    name: "fk_offers_request",
                    column: x => x.request_id,
                    principalSchema: Schema,
                    principalTable: "requests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_offers_request", schema: Schema, table: "offers", column: "request_id");
        migrationBuilder.CreateIndex(name: "ix_offers_interpreter_state", schema: Schema, table: "offers", columns: ["interpreter_id", "state"]);
        migrationBuilder.CreateIndex(name: "ux_offers_link_token", schema: Schema, table: "offers", column: "link_token", unique: true);

        migrationBuilder.CreateTable(
            name: "bookings",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                request_id = table.Column<Guid>(nullable: false),
                active_request_id = table.Column<Guid>(nullable: true),
                appointment_id = table.Column<Guid>(nullable: true),
                interpreter_id = table.Column<Guid>(nullable: false),
                language = table.Column<string>(maxLength: 16, nullable: false),
                dialect = table.Column<string>(maxLength: 64, nullable: true),
                modality = table.Column<int>(nullable: false),
                start_at = table.Column<DateTimeOffset>(nullable: false),
                end_at = table.Column<DateTimeOffset>(nullable: false),
                booked_at = table.Column<DateTimeOffset>(nullable: false),
                state = table.Column<int>(nullable: false),
                cancelled_at = table.Column<DateTimeOffset>(nullable: true),
                cancellation_reason = table.Column<string>(maxLength: 500, nullable: true),
                billable = table.Column<bool>(nullable: false),
                actual_start = table.Column<DateTimeOffset>(nullable: true),
                actual_end = table.Column<DateTimeOffset>(nullable: true),
                travel_minutes = table.Column<int>(nullable: false),
                kilometres = table.Column<decimal>(precision: 8, scale: 1, nullable: false),
                confirmation_code = table.Column<string>(maxLength: 16, nullable: false),
                confirmed_at = table.Column<DateTimeOffset>(nullable: true),
                confirmed_by = table.Column<Guid>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_bookings", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_bookings_active_request", schema: Schema, table: "bookings", column: "active_request_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_bookings_interpreter_start", schema: Schema, table: "bookings", columns: ["interpreter_id", "start_at"]);
        migrationBuilder.CreateIndex(name: "ix_bookings_office_start", schema: Schema, table: "bookings", columns: ["office_id", "start_at"]);
        migrationBuilder.CreateIndex(name: "ix_bookings_request", schema: Schema, table: "bookings", column: "request_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "bookings", schema: Schema);
        migrationBuilder.DropTable(name: "offers", schema: Schema);
        migrationBuilder.DropTable(name: "requests", schema: Schema);
        migrationBuilder.DropTable(name: "booking_policies", schema: Schema);
        migrationBuilder.DropTable(name: "conflicts_of_interest", schema: Schema);
        migrationBuilder.DropTable(name: "pool_memberships", schema: Schema);
        migrationBuilder.DropTable(name: "interpreter_profiles", schema: Schema);
    }
}
