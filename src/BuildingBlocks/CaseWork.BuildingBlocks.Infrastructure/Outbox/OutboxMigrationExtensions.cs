using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>The outbox and inbox tables every module's initial migration creates in its schema.</summary>
public static class OutboxMigrationExtensions
{
    /// <summary>Creates <c>outbox_messages</c> and <c>inbox_messages</c> in <paramref name="schema"/>.</summary>
    public static void CreateOutboxAndInbox(this MigrationBuilder migrationBuilder, string schema)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "outbox_messages",
            schema: schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 500, nullable: false),
                content = table.Column<string>(nullable: false),
                occurred_at = table.Column<DateTimeOffset>(nullable: false),
                processed_at = table.Column<DateTimeOffset>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 4000, nullable: true),
                next_attempt_at = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_outbox_messages", x => x.id));

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_pending",
            schema: schema,
            table: "outbox_messages",
            columns: ["processed_at", "occurred_at"]);

        migrationBuilder.CreateTable(
            name: "inbox_messages",
            schema: schema,
            columns: table => new
            {
                message_id = table.Column<Guid>(nullable: false),
                handler = table.Column<string>(maxLength: 300, nullable: false),
                type = table.Column<string>(maxLength: 500, nullable: false),
                processed_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.handler }));
    }

    /// <summary>Drops the outbox and inbox tables.</summary>
    public static void DropOutboxAndInbox(this MigrationBuilder migrationBuilder, string schema)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "inbox_messages", schema: schema);
        migrationBuilder.DropTable(name: "outbox_messages", schema: schema);
    }
}
