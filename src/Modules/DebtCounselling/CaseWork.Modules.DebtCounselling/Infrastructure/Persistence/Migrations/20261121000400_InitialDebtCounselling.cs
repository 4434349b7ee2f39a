using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.DebtCounselling.Infrastructure.Persistence.Migrations;

/// <summary>Creates the <c>debt_counselling</c> schema with the module's outbox and inbox.</summary>
[DbContext(typeof(DebtCounsellingDbContext))]
[Migration("20261121000400_InitialDebtCounselling")]
internal sealed class InitialDebtCounselling : Migration
{
    private const string Schema = "debt_counselling";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropOutboxAndInbox(Schema);
}
