using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.BuildingBlocks.Infrastructure.Auditing.Migrations;

/// <summary>
/// PostgreSQL: TRUNCATE fires no row triggers, so the append-only guard of <see cref="InitialAudit"/> let the
/// application's connection empty the trail in one statement. A statement trigger closes that gap. (SQLite has no
/// TRUNCATE; its "DELETE without WHERE" fires the row trigger.)
/// </summary>
[DbContext(typeof(AuditDbContext))]
[Migration("20261122000000_AuditRejectTruncate")]
public sealed class AuditRejectTruncate : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit.audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_audit_change();
                """);
        }
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON audit.audit_entries;");
        }
    }
}
