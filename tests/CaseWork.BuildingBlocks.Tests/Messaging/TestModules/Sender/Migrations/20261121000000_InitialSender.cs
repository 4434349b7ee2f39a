using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Migrations;

/// <summary>The sender's schema: outbox, inbox and its notes table.</summary>
[DbContext(typeof(SenderDbContext))]
[Migration("20261121000000_InitialSender")]
internal sealed class InitialSender : Migration
{
    private const string Schema = "test_sender";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
        migrationBuilder.CreateTable(
            name: "notes",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 100, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_notes", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "notes", schema: Schema);
        migrationBuilder.DropOutboxAndInbox(Schema);
    }
}
