using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence.Migrations;

/// <summary>
/// A message of the manual channel (messenger, via the office) is handed to the worker when it is due; these columns record
/// that the worker sent it by hand, and who. Rows handed over before stay unconfirmed.
/// </summary>
[DbContext(typeof(AppointmentsDbContext))]
[Migration("20261205090000_RemindersSentByHand")]
internal sealed class RemindersSentByHand : Migration
{
    private const string Schema = "appointments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(name: "sent_by_hand_at", schema: Schema, table: "reminders", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "sent_by_hand_by", schema: Schema, table: "reminders", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "sent_by_hand_by", schema: Schema, table: "reminders");
        migrationBuilder.DropColumn(name: "sent_by_hand_at", schema: Schema, table: "reminders");
    }
}
