using CaseWork.Modules.InterpreterBooking.Domain;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Interpreters in several offices' pools (ADR 0038): the fee rates move from the shared profile to each office's membership
/// (every membership keeps the rates the profile had), the membership gets a version for concurrent edits of its terms, and
/// offices invite interpreters of other offices by e-mail.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261205200000_OfficeTermsAndPoolInvitations")]
internal sealed class OfficeTermsAndPoolInvitations : Migration
{
    private const string Schema = "interpreter_booking";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "fee_rates", schema: Schema, table: "pool_memberships", nullable: false, defaultValueSql: "'" + PoolMembership.NoFeesJson + "'");
        migrationBuilder.AddColumn<int>(name: "version", schema: Schema, table: "pool_memberships", nullable: false, defaultValue: 0);

        // SQLite keeps each module in its own file and has no schemas.
        var prefix = ActiveProvider == Postgres ? Schema + "." : "";
        migrationBuilder.Sql($"""
            UPDATE {prefix}pool_memberships
            SET fee_rates = (SELECT p.fee_rates FROM {prefix}interpreter_profiles AS p WHERE p.id = pool_memberships.interpreter_id)
            WHERE EXISTS (SELECT 1 FROM {prefix}interpreter_profiles AS p WHERE p.id = pool_memberships.interpreter_id);
            """);
        DropColumn(migrationBuilder, "interpreter_profiles", "fee_rates");

        migrationBuilder.CreateTable(
            name: "pool_invitations",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 256, nullable: false),
                invited_by = table.Column<Guid>(nullable: false),
                invited_at = table.Column<DateTimeOffset>(nullable: false),
                expires_at = table.Column<DateTimeOffset>(nullable: false),
                state = table.Column<int>(nullable: false),
                answered_by = table.Column<Guid>(nullable: true),
                answered_at = table.Column<DateTimeOffset>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_pool_invitations", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_pool_invitations_email", schema: Schema, table: "pool_invitations", column: "email");
        migrationBuilder.CreateIndex(name: "ix_pool_invitations_office", schema: Schema, table: "pool_invitations", column: "office_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "pool_invitations", schema: Schema);
        migrationBuilder.AddColumn<string>(
            name: "fee_rates", schema: Schema, table: "interpreter_profiles", nullable: false, defaultValueSql: "'" + PoolMembership.NoFeesJson + "'");
        var prefix = ActiveProvider == Postgres ? Schema + "." : "";
        migrationBuilder.Sql($"""
            UPDATE {prefix}interpreter_profiles
            SET fee_rates = (SELECT m.fee_rates FROM {prefix}pool_memberships AS m WHERE m.interpreter_id = interpreter_profiles.id ORDER BY m.since LIMIT 1)
            WHERE EXISTS (SELECT 1 FROM {prefix}pool_memberships AS m WHERE m.interpreter_id = interpreter_profiles.id);
            """);
        DropColumn(migrationBuilder, "pool_memberships", "version");
        DropColumn(migrationBuilder, "pool_memberships", "fee_rates");
    }

    /// <summary>
    /// EF's SQLite generator refuses a dropped column without the model it would rebuild the table from (hand-written
    /// migrations have none, ADR 0006); SQLite itself drops an unindexed column since 3.35.
    /// </summary>
    private void DropColumn(MigrationBuilder migrationBuilder, string table, string column)
    {
        if (ActiveProvider == Postgres)
        {
            migrationBuilder.DropColumn(name: column, schema: Schema, table: table);
        }
        else
        {
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        }
    }
}
