using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Migrations;

/// <summary>
/// The status history indexed by (referral, status) instead of referral alone, so the outcome view's "ever waitlisted"
/// check reads the index only (no visit to the history rows, which carry names and notes).
/// </summary>
[DbContext(typeof(ReferralsDbContext))]
[Migration("20261205100000_StatusChangesByReferralAndStatus")]
internal sealed class StatusChangesByReferralAndStatus : Migration
{
    private const string Schema = "referrals";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_referral_status_changes_referral_id_to_status", schema: Schema, table: "referral_status_changes",
            columns: ["referral_id", "to_status"]);
        migrationBuilder.DropIndex(name: "IX_referral_status_changes_referral_id", schema: Schema, table: "referral_status_changes");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_referral_status_changes_referral_id", schema: Schema, table: "referral_status_changes", column: "referral_id");
        migrationBuilder.DropIndex(name: "IX_referral_status_changes_referral_id_to_status", schema: Schema, table: "referral_status_changes");
    }
}
