using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing.Migrations;

/// <summary>Creates the audit trail table and the triggers that make it append-only.</summary>
[DbContext(typeof(AuditDbContext))]
[Migration("20261121000000_InitialAudit")]
public sealed class InitialAudit : Migration
{
    private const string Schema = "audit";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateTable(
            name: "audit_entries",
            schema: Schema,
            columns: table => new
            {
                sequence = table.Column<long>(nullable: false),
                occurred_at = table.Column<DateTimeOffset>(nullable: false),
                user_id = table.Column<Guid>(nullable: true),
                user_name = table.Column<string>(maxLength: 256, nullable: false),
                office_id = table.Column<Guid>(nullable: true),
                module = table.Column<string>(maxLength: 64, nullable: false),
                action = table.Column<string>(maxLength: 32, nullable: false),
                record_type = table.Column<string>(maxLength: 128, nullable: false),
                record_id = table.Column<string>(maxLength: 128, nullable: false),
                reason = table.Column<string>(maxLength: 2000, nullable: true),
                details = table.Column<string>(maxLength: 2000, nullable: true),
                previous_hash = table.Column<string>(maxLength: 64, nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.sequence));

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_record",
            schema: Schema,
            table: "audit_entries",
            columns: ["module", "record_type", "record_id"]);

        // Append-only at the database too: an UPDATE or DELETE through the application's connection fails.
        // Someone with rights to drop the trigger can still tamper; the hash chain makes that visible.
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit.reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit trail is append-only';
                END;
                $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit.audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit.reject_audit_change();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """);
        }
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_append_only ON audit.audit_entries; DROP FUNCTION audit.reject_audit_change();");
        }

        migrationBuilder.DropTable(name: "audit_entries", schema: Schema);
    }
}
