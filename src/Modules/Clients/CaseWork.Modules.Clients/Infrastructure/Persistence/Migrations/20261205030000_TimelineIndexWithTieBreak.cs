using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Migrations;

/// <summary>
/// The timeline is read newest first with the note id as tie-break (ADR 0027). The index on (client, occurred at) left the
/// tie-break to a sort of every note of the client on each read; with the id in the index the page is read in index order.
/// </summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261205030000_TimelineIndexWithTieBreak")]
internal sealed class TimelineIndexWithTieBreak : Migration
{
    private const string Schema = "clients";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_case_notes_client_occurred_at", schema: Schema, table: "case_notes");
        migrationBuilder.CreateIndex(
            name: "ix_case_notes_client_occurred_at_id", schema: Schema, table: "case_notes",
            columns: ["client_id", "occurred_at", "id"], descending: [false, true, true]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_case_notes_client_occurred_at_id", schema: Schema, table: "case_notes");
        migrationBuilder.CreateIndex(
            name: "ix_case_notes_client_occurred_at", schema: Schema, table: "case_notes",
            columns: ["client_id", "occurred_at"], descending: [false, true]);
    }
}
