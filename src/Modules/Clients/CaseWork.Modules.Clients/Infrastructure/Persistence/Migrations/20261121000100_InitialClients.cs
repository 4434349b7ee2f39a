using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Migrations;

/// <summary>Creates the <c>clients</c> schema with the module's outbox and inbox.</summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261121000100_InitialClients")]
internal sealed class InitialClients : Migration
{
    private const string Schema = "clients";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropOutboxAndInbox(Schema);
}
