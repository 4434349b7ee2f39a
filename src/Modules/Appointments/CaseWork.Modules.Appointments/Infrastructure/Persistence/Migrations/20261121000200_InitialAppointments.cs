using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence.Migrations;

/// <summary>Creates the <c>appointments</c> schema with the module's outbox and inbox.</summary>
[DbContext(typeof(AppointmentsDbContext))]
[Migration("20261121000200_InitialAppointments")]
internal sealed class InitialAppointments : Migration
{
    private const string Schema = "appointments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropOutboxAndInbox(Schema);
}
