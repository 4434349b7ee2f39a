using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Migrations;

/// <summary>Client records, case files with their timeline, needs, goals, dates and consents, anonymous contacts, retention settings.</summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261122010000_ClientRecords")]
internal sealed class ClientRecords : Migration
{
    private const string Schema = "clients";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "clients",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                pseudonym_code = table.Column<string>(maxLength: 16, nullable: false),
                given_names = table.Column<string>(maxLength: 200, nullable: false),
                family_names = table.Column<string>(maxLength: 200, nullable: false),
                given_names_latin = table.Column<string>(maxLength: 200, nullable: false),
                family_names_latin = table.Column<string>(maxLength: 200, nullable: false),
                other_names = table.Column<string>(nullable: false),
                birth_precision = table.Column<string>(maxLength: 16, nullable: false),
                birth_year = table.Column<int>(nullable: true),
                birth_date = table.Column<DateOnly>(nullable: true),
                gender = table.Column<string>(maxLength: 16, nullable: false),
                nationalities = table.Column<string>(nullable: false),
                languages = table.Column<string>(nullable: false),
                preferred_language = table.Column<string>(maxLength: 16, nullable: true),
                interpreter = table.Column<string>(nullable: false),
                contact_channels = table.Column<string>(nullable: false),
                reminder_channel = table.Column<string>(maxLength: 16, nullable: false),
                residence_status = table.Column<string>(maxLength: 32, nullable: false),
                residence_status_expires_on = table.Column<DateOnly>(nullable: true),
                housing = table.Column<string>(maxLength: 32, nullable: false),
                household = table.Column<string>(nullable: false),
                search_key = table.Column<string>(maxLength: 1000, nullable: false),
                state = table.Column<string>(maxLength: 16, nullable: false),
                merged_into = table.Column<Guid>(nullable: true),
                registered_at = table.Column<DateTimeOffset>(nullable: false),
                converted_from_contact_id = table.Column<Guid>(nullable: true),
                anonymised_at = table.Column<DateTimeOffset>(nullable: true),
                anonymisation_reason = table.Column<string>(maxLength: 500, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_clients", x => x.id));
        migrationBuilder.CreateIndex("ux_clients_office_pseudonym_code", "clients", ["office_id", "pseudonym_code"], Schema, unique: true);
        migrationBuilder.CreateIndex("ix_clients_office_birth_year", "clients", ["office_id", "birth_year"], Schema);

        if (ActiveProvider == Postgres)
        {
            // Trigram search on the normalised name key (ADR 0012); SQLite searches client_search_terms instead.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.CreateIndex("ix_clients_search_key_trgm", "clients", "search_key", Schema)
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        migrationBuilder.CreateTable(
            name: "client_search_terms",
            schema: Schema,
            columns: table => new
            {
                client_id = table.Column<Guid>(nullable: false),
                term = table.Column<string>(maxLength: 200, nullable: false),
                office_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_client_search_terms", x => new { x.client_id, x.term }));
        migrationBuilder.CreateIndex("ix_client_search_terms_office_term", "client_search_terms", ["office_id", "term", "client_id"], Schema);

        migrationBuilder.CreateTable(
            name: "case_files",
            schema: Schema,
            columns: table => new
            {
                client_id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                is_open = table.Column<bool>(nullable: false),
                opened_on = table.Column<DateOnly>(nullable: false),
                closed_on = table.Column<DateOnly>(nullable: true),
                closing_reason = table.Column<string>(maxLength: 32, nullable: true),
                closing_note = table.Column<string>(maxLength: 2000, nullable: true),
                lead_worker = table.Column<Guid>(nullable: true),
                other_workers = table.Column<List<Guid>>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_case_files", x => x.client_id));
        migrationBuilder.CreateIndex("ix_case_files_office_lead_worker", "case_files", ["office_id", "lead_worker"], Schema);
        migrationBuilder.CreateIndex("ix_case_files_closed_on", "case_files", ["is_open", "closed_on"], Schema);

        migrationBuilder.CreateTable(
            name: "case_notes",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 32, nullable: false),
                occurred_at = table.Column<DateTimeOffset>(nullable: false),
                duration_minutes = table.Column<int>(nullable: true),
                topics = table.Column<List<string>>(nullable: false),
                text = table.Column<string>(maxLength: 8000, nullable: false),
                author = table.Column<Guid>(nullable: true),
                recorded_at = table.Column<DateTimeOffset>(nullable: false),
                kept_by_law = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_case_notes", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ix_case_notes_client_occurred_at",
            schema: Schema,
            table: "case_notes",
            columns: ["client_id", "occurred_at"],
            descending: [false, true]);

        migrationBuilder.CreateTable(
            name: "needs",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                area = table.Column<string>(maxLength: 32, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                description = table.Column<string>(maxLength: 2000, nullable: true),
                identified_on = table.Column<DateOnly>(nullable: false),
                status_changed_on = table.Column<DateOnly>(nullable: false),
                referral_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_needs", x => x.id));
        migrationBuilder.CreateIndex("ix_needs_client", "needs", "client_id", Schema);
        migrationBuilder.CreateIndex("ix_needs_referral", "needs", "referral_id", Schema);

        migrationBuilder.CreateTable(
            name: "goals",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                next_steps = table.Column<string>(nullable: false),
                due_on = table.Column<DateOnly>(nullable: true),
                need_id = table.Column<Guid>(nullable: true),
                agreed_on = table.Column<DateOnly>(nullable: false),
                completed_on = table.Column<DateOnly>(nullable: true),
                achieved = table.Column<bool>(nullable: true),
                worker = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_goals", x => x.id));
        migrationBuilder.CreateIndex("ix_goals_client", "goals", "client_id", Schema);
        migrationBuilder.CreateIndex("ix_goals_office_due_on", "goals", ["office_id", "due_on"], Schema);

        migrationBuilder.CreateTable(
            name: "important_dates",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 32, nullable: false),
                on_date = table.Column<DateOnly>(nullable: false),
                label = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_important_dates", x => x.id));
        migrationBuilder.CreateIndex("ix_important_dates_client", "important_dates", "client_id", Schema);
        migrationBuilder.CreateIndex("ix_important_dates_office_on", "important_dates", ["office_id", "on_date"], Schema);

        migrationBuilder.CreateTable(
            name: "consents",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                recipient_name = table.Column<string>(maxLength: 300, nullable: false),
                recipient_type = table.Column<string>(maxLength: 64, nullable: false),
                recipient_organisation_id = table.Column<Guid>(nullable: true),
                purpose = table.Column<string>(maxLength: 1000, nullable: false),
                data_categories = table.Column<string>(nullable: false),
                given_on = table.Column<DateOnly>(nullable: false),
                given_in_language = table.Column<string>(maxLength: 16, nullable: false),
                interpreter_helped = table.Column<bool>(nullable: false),
                form = table.Column<string>(maxLength: 16, nullable: false),
                valid_until = table.Column<DateOnly>(nullable: true),
                revoked_on = table.Column<DateOnly>(nullable: true),
                recorded_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_consents", x => x.id));
        migrationBuilder.CreateIndex("ix_consents_client", "consents", "client_id", Schema);

        migrationBuilder.CreateTable(
            name: "anonymous_contacts",
            schema: Schema,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
                nickname = table.Column<string>(maxLength: 100, nullable: false),
                rough_age = table.Column<int>(nullable: true),
                topics = table.Column<string>(nullable: false),
                place = table.Column<string>(maxLength: 32, nullable: false),
                met_on = table.Column<DateOnly>(nullable: false),
                note = table.Column<string>(maxLength: 4000, nullable: true),
                worker = table.Column<Guid>(nullable: true),
                recorded_at = table.Column<DateTimeOffset>(nullable: false),
                converted_to = table.Column<Guid>(nullable: true),
                converted_at = table.Column<DateTimeOffset>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_anonymous_contacts", x => x.id));
        migrationBuilder.CreateIndex("ix_anonymous_contacts_office_met_on", "anonymous_contacts", ["office_id", "met_on"], Schema);

        migrationBuilder.CreateTable(
            name: "office_retention_settings",
            schema: Schema,
            columns: table => new
            {
                office_id = table.Column<Guid>(nullable: false),
                retention_years = table.Column<int>(nullable: false),
                changed_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_office_retention_settings", x => x.office_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "office_retention_settings", "anonymous_contacts", "consents", "important_dates", "goals", "needs", "case_notes",
                     "case_files", "client_search_terms", "clients",
                 })
        {
            migrationBuilder.DropTable(name: table, schema: Schema);
        }
    }
}
