using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The office's booking policy becomes editable (ADR 0036): a version for concurrent saves, and the office's default district
/// for requests that come from appointments. Existing rows start at version 0 without a district.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261205120000_BookingPolicySettings")]
internal sealed class BookingPolicySettings : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "default_district", schema: Schema, table: "booking_policies", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<int>(name: "version", schema: Schema, table: "booking_policies", nullable: false, defaultValue: 0);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "version", schema: Schema, table: "booking_policies");
        migrationBuilder.DropColumn(name: "default_district", schema: Schema, table: "booking_policies");
    }
}
