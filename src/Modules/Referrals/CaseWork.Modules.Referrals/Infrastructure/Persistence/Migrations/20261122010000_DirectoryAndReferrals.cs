using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Migrations;

/// <summary>The partner directory (HSDS-shaped), referrals with their needs and status history, and office follow-up settings.</summary>
[DbContext(typeof(ReferralsDbContext))]
[Migration("20261122010000_DirectoryAndReferrals")]
internal sealed class DirectoryAndReferrals : Migration
{
    private const string Schema = "referrals";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "organisations",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: true),
                email = table.Column<string>(maxLength: 200, nullable: true),
                website = table.Column<string>(maxLength: 300, nullable: true),
                phone = table.Column<string>(maxLength: 50, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_organisations", x => x.id));
        migrationBuilder.CreateIndex(name: "IX_organisations_office_id", schema: Schema, table: "organisations", column: "office_id");

        migrationBuilder.CreateTable(
            name: "locations",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                is_virtual = table.Column<bool>(nullable: false),
                street = table.Column<string>(maxLength: 200, nullable: true),
                postal_code = table.Column<string>(maxLength: 20, nullable: true),
                city = table.Column<string>(maxLength: 100, nullable: true),
                accessibility = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_locations", x => x.id);
                table.ForeignKey("FK_locations_organisations_organisation_id", x => x.organisation_id, principalSchema: Schema,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_locations_organisation_id", schema: Schema, table: "locations", column: "organisation_id");

        migrationBuilder.CreateTable(
            name: "opening_hours",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                location_id = table.Column<Guid>(nullable: false),
                frequency = table.Column<string>(maxLength: 10, nullable: false),
                by_day = table.Column<string>(maxLength: 50, nullable: false),
                opens_at = table.Column<TimeOnly>(nullable: false),
                closes_at = table.Column<TimeOnly>(nullable: false),
                description = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_opening_hours", x => x.id);
                table.ForeignKey("FK_opening_hours_locations_location_id", x => x.location_id, principalSchema: Schema,
                    principalTable: "locations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_opening_hours_location_id", schema: Schema, table: "opening_hours", column: "location_id");

        migrationBuilder.CreateTable(
            name: "contacts",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                service_id = table.Column<Guid>(nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: false),
                title = table.Column<string>(maxLength: 100, nullable: true),
                email = table.Column<string>(maxLength: 200, nullable: true),
                phone = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_contacts", x => x.id);
                table.ForeignKey("FK_contacts_organisations_organisation_id", x => x.organisation_id, principalSchema: Schema,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_contacts_organisation_id", schema: Schema, table: "contacts", column: "organisation_id");

        migrationBuilder.CreateTable(
            name: "services",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                type = table.Column<string>(maxLength: 32, nullable: false),
                is_public_body = table.Column<bool>(nullable: false),
                description = table.Column<string>(maxLength: 4000, nullable: true),
                eligibility = table.Column<string>(maxLength: 2000, nullable: true),
                language_codes = table.Column<string>(maxLength: 400, nullable: false),
                fees = table.Column<string>(maxLength: 1000, nullable: true),
                documents_to_bring = table.Column<string>(maxLength: 2000, nullable: true),
                how_to_apply = table.Column<string>(maxLength: 2000, nullable: true),
                typical_waiting_days = table.Column<int>(nullable: true),
                taking_new_clients = table.Column<bool>(nullable: false),
                email = table.Column<string>(maxLength: 200, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_services", x => x.id);
                table.ForeignKey("FK_services_organisations_organisation_id", x => x.organisation_id, principalSchema: Schema,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_services_office_id_type", schema: Schema, table: "services", columns: ["office_id", "type"]);
        migrationBuilder.CreateIndex(name: "IX_services_organisation_id", schema: Schema, table: "services", column: "organisation_id");

        migrationBuilder.CreateTable(
            name: "service_at_locations",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                service_id = table.Column<Guid>(nullable: false),
                location_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_service_at_locations", x => x.id);
                table.ForeignKey("FK_service_at_locations_services_service_id", x => x.service_id, principalSchema: Schema,
                    principalTable: "services", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_service_at_locations_locations_location_id", x => x.location_id, principalSchema: Schema,
                    principalTable: "locations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_service_at_locations_location_id", schema: Schema, table: "service_at_locations", column: "location_id");
        migrationBuilder.CreateIndex(name: "IX_service_at_locations_service_id_location_id", schema: Schema, table: "service_at_locations",
            columns: ["service_id", "location_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "partner_accounts",
            schema: Schema,
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_partner_accounts", x => x.user_id);
                table.ForeignKey("FK_partner_accounts_organisations_organisation_id", x => x.organisation_id, principalSchema: Schema,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_partner_accounts_organisation_id", schema: Schema, table: "partner_accounts", column: "organisation_id");

        migrationBuilder.CreateTable(
            name: "referrals",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                service_id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                recipient_name = table.Column<string>(maxLength: 200, nullable: false),
                service_type = table.Column<string>(maxLength: 32, nullable: false),
                to_public_body = table.Column<bool>(nullable: false),
                worker_id = table.Column<Guid>(nullable: false),
                shared_categories = table.Column<string>(maxLength: 200, nullable: false),
                urgency = table.Column<string>(maxLength: 16, nullable: false),
                message = table.Column<string>(maxLength: 2000, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                sent_at = table.Column<DateTimeOffset>(nullable: true),
                accepted_at = table.Column<DateTimeOffset>(nullable: true),
                answered_at = table.Column<DateTimeOffset>(nullable: true),
                closed_at = table.Column<DateTimeOffset>(nullable: true),
                outcome = table.Column<string>(maxLength: 32, nullable: true),
                declined_by = table.Column<string>(maxLength: 16, nullable: true),
                decline_reason = table.Column<string>(maxLength: 32, nullable: true),
                waitlist_position = table.Column<int>(nullable: true),
                waitlist_expected_on = table.Column<DateOnly>(nullable: true),
                consent_id = table.Column<Guid>(nullable: true),
                consent_overridden_by = table.Column<Guid>(nullable: true),
                consent_override_reason = table.Column<string>(maxLength: 1000, nullable: true),
                public_body_warning_acknowledged = table.Column<bool>(nullable: false),
                sharing_stopped_at = table.Column<DateTimeOffset>(nullable: true),
                worker_reminded_at = table.Column<DateTimeOffset>(nullable: true),
                agency_link_hash = table.Column<string>(maxLength: 64, nullable: true),
                agency_link_expires_at = table.Column<DateTimeOffset>(nullable: true),
                is_anonymised = table.Column<bool>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_referrals", x => x.id));
        migrationBuilder.CreateIndex(name: "IX_referrals_office_id_status", schema: Schema, table: "referrals", columns: ["office_id", "status"]);
        migrationBuilder.CreateIndex(name: "IX_referrals_office_id_sent_at", schema: Schema, table: "referrals", columns: ["office_id", "sent_at"]);
        migrationBuilder.CreateIndex(name: "IX_referrals_office_id_client_id", schema: Schema, table: "referrals", columns: ["office_id", "client_id"]);
        migrationBuilder.CreateIndex(name: "IX_referrals_organisation_id", schema: Schema, table: "referrals", column: "organisation_id");
        migrationBuilder.CreateIndex(name: "IX_referrals_agency_link_hash", schema: Schema, table: "referrals", column: "agency_link_hash", unique: true);

        migrationBuilder.CreateTable(
            name: "referral_needs",
            schema: Schema,
            columns: table => new
            {
                referral_id = table.Column<Guid>(nullable: false),
                need_id = table.Column<Guid>(nullable: false),
                area = table.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_referral_needs", x => new { x.referral_id, x.need_id });
                table.ForeignKey("FK_referral_needs_referrals_referral_id", x => x.referral_id, principalSchema: Schema,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "referral_status_changes",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                from_status = table.Column<string>(maxLength: 16, nullable: true),
                to_status = table.Column<string>(maxLength: 16, nullable: false),
                at = table.Column<DateTimeOffset>(nullable: false),
                actor_kind = table.Column<string>(maxLength: 16, nullable: false),
                actor_user_id = table.Column<Guid>(nullable: true),
                actor_name = table.Column<string>(maxLength: 200, nullable: false),
                note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_referral_status_changes", x => x.id);
                table.ForeignKey("FK_referral_status_changes_referrals_referral_id", x => x.referral_id, principalSchema: Schema,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_referral_status_changes_referral_id", schema: Schema, table: "referral_status_changes", column: "referral_id");

        migrationBuilder.CreateTable(
            name: "office_settings",
            schema: Schema,
            columns: table => new
            {
                office_id = table.Column<Guid>(nullable: false),
                reminder_after_working_days = table.Column<int>(nullable: false),
                expiry_after_days = table.Column<int>(nullable: false),
                agency_link_days = table.Column<int>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_office_settings", x => x.office_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "office_settings", "referral_status_changes", "referral_needs", "referrals", "partner_accounts", "service_at_locations", "services", "contacts", "opening_hours", "locations", "organisations" })
        {
            migrationBuilder.DropTable(name: table, schema: Schema);
        }
    }
}
