using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>Creates the <c>interpreter_booking</c> schema with the module's outbox and inbox.</summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261121000500_InitialInterpreterBooking")]
internal sealed class InitialInterpreterBooking : Migration
{
    private const string Schema = "interpreter_booking";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropOutboxAndInbox(Schema);
}
