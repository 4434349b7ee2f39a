using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>A worker cancels a hand-entered request with a reason (ADR 0036); the request keeps it even when nobody was booked.</summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261205120100_RequestCancellationReason")]
internal sealed class RequestCancellationReason : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "cancellation_reason", schema: Schema, table: "requests", maxLength: 500, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "cancellation_reason", schema: Schema, table: "requests");
}
