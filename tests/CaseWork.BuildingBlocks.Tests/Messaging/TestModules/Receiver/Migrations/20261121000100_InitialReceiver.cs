using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver.Migrations;

/// <summary>The receiver's schema: outbox, inbox and its received_notes table.</summary>
[DbContext(typeof(ReceiverDbContext))]
[Migration("20261121000100_InitialReceiver")]
internal sealed class InitialReceiver : Migration
{
    private const string Schema = "test_receiver";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
        migrationBuilder.CreateTable(
            name: "received_notes",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                note_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 100, nullable: false),
                handler = table.Column<string>(maxLength: 100, nullable: false),
                received_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_received_notes", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "received_notes", schema: Schema);
        migrationBuilder.DropOutboxAndInbox(Schema);
    }
}
