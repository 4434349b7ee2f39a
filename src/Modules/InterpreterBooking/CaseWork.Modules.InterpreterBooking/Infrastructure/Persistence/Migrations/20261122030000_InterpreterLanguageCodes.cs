using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The profile's language codes as a plain column, so matching narrows a pool of thousands in SQL (ADR 0024). Existing
/// rows keep "" and are always loaded and checked in memory until they are saved again.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261122030000_InterpreterLanguageCodes")]
internal sealed class InterpreterLanguageCodes : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "language_codes", schema: Schema, table: "interpreter_profiles", maxLength: 200, nullable: false, defaultValue: "");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "language_codes", schema: Schema, table: "interpreter_profiles");
}
