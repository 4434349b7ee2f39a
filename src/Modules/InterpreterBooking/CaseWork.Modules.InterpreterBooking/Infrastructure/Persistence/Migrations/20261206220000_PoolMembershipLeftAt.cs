using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Leaving an interpreter pool (ADR 0048): a membership gets the moment it ended. Every existing membership lasts (null);
/// the row is kept when it ends, so the statement still prices the office's past jobs at its rates.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261206220000_PoolMembershipLeftAt")]
internal sealed class PoolMembershipLeftAt : Migration
{
    private const string Schema = "interpreter_booking";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTimeOffset>(name: "left_at", schema: Schema, table: "pool_memberships", nullable: true);

    /// <summary>
    /// Down forgets which memberships ended, so they are active again: the schema before this migration knows no other kind.
    /// EF's SQLite generator refuses a dropped column without a model snapshot (ADR 0006); SQLite drops an unindexed column
    /// itself since 3.35, as in <see cref="OfficeTermsAndPoolInvitations"/>.
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == Postgres)
        {
            migrationBuilder.DropColumn(name: "left_at", schema: Schema, table: "pool_memberships");
        }
        else
        {
            migrationBuilder.Sql("ALTER TABLE \"pool_memberships\" DROP COLUMN \"left_at\";");
        }
    }
}
