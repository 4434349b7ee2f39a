using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// An interpreter's bookings by end (ADR 0049): overlap checks, the job list and the upcoming counts read only the bookings
/// that end after a moment, instead of every booking the interpreter ever had up to it.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261207010000_BookingsByInterpreterEnd")]
internal sealed class BookingsByInterpreterEnd : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "ix_bookings_interpreter_end", schema: Schema, table: "bookings", columns: ["interpreter_id", "end_at", "start_at", "state"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ix_bookings_interpreter_end", schema: Schema, table: "bookings");
}
