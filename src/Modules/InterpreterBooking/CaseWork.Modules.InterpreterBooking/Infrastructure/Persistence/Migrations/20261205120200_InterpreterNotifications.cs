using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>Emails to interpreters as rows, written with the change and sent after the commit by a sweep with retries (ADR 0036).</summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261205120200_InterpreterNotifications")]
internal sealed class InterpreterNotifications : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notifications",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                interpreter_id = table.Column<Guid>(nullable: false),
                request_id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                address = table.Column<string>(maxLength: 256, nullable: true),
                subject = table.Column<string>(maxLength: 200, nullable: false),
                body = table.Column<string>(maxLength: 4000, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                next_attempt_at = table.Column<DateTimeOffset>(nullable: true),
                state = table.Column<int>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 500, nullable: true),
                sent_at = table.Column<DateTimeOffset>(nullable: true),
                claim_token = table.Column<Guid>(nullable: true),
                claimed_until = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_notifications", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_notifications_next_attempt", schema: Schema, table: "notifications", column: "next_attempt_at");
        migrationBuilder.CreateIndex(name: "ix_notifications_claim", schema: Schema, table: "notifications", column: "claim_token");
        migrationBuilder.CreateIndex(name: "ix_notifications_request", schema: Schema, table: "notifications", column: "request_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "notifications", schema: Schema);
}
