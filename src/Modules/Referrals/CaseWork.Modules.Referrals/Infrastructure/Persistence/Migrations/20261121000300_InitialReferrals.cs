using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Migrations;

/// <summary>Creates the <c>referrals</c> schema with the module's outbox and inbox.</summary>
[DbContext(typeof(ReferralsDbContext))]
[Migration("20261121000300_InitialReferrals")]
internal sealed class InitialReferrals : Migration
{
    private const string Schema = "referrals";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(Schema);
        migrationBuilder.CreateOutboxAndInbox(Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropOutboxAndInbox(Schema);
}
