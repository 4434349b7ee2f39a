using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The notifications whose text is still stored, by office (ADR 0055): the notification sweep's redaction runs every
/// 10 seconds and read every notification ever sent to find them.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261207210000_UnredactedNotificationsByOffice")]
internal sealed class UnredactedNotificationsByOffice : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "ix_notifications_unredacted", schema: Schema, table: "notifications", column: "office_id", filter: "body <> ''");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ix_notifications_unredacted", schema: Schema, table: "notifications");
}
