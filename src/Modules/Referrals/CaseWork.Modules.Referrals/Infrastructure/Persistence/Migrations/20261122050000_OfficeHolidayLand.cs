using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Migrations;

/// <summary>The office's Land, whose public holidays do not count as working days for follow-ups.</summary>
[DbContext(typeof(ReferralsDbContext))]
[Migration("20261122050000_OfficeHolidayLand")]
internal sealed class OfficeHolidayLand : Migration
{
    private const string Schema = "referrals";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "land", schema: Schema, table: "office_settings", maxLength: 2, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "land", schema: Schema, table: "office_settings");
}
