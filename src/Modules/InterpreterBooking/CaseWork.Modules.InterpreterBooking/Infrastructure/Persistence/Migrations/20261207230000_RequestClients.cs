using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Which client takes part in which request, as rows (ADR 0056): the requests' client lists are JSON text, so finding a
/// client's requests read every request of the office. Filled from the lists already stored.
/// </summary>
[DbContext(typeof(InterpreterBookingDbContext))]
[Migration("20261207230000_RequestClients")]
internal sealed class RequestClients : Migration
{
    private const string Schema = "interpreter_booking";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "request_clients",
            schema: Schema,
            columns: table => new
            {
                request_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<Guid>(nullable: false),
                office_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_request_clients", x => new { x.request_id, x.client_id });
                table.ForeignKey(
                    name: "fk_request_clients_request",
                    column: x => x.request_id,
                    principalSchema: Schema,
                    principalTable: "requests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_request_clients_client", schema: Schema, table: "request_clients", column: "client_id");

        // The lists hold ids as JSON strings in lower case. EF writes a Guid on SQLite as upper-case text, PostgreSQL as a uuid.
        migrationBuilder.Sql(ActiveProvider == Postgres
            ? $"""
              INSERT INTO {Schema}.request_clients (request_id, client_id, office_id)
              SELECT DISTINCT r.id, CAST(c.value AS uuid), r.office_id
              FROM {Schema}.requests AS r CROSS JOIN LATERAL json_array_elements_text(CAST(r.client_ids AS json)) AS c(value);
              """
            : """
              INSERT INTO request_clients (request_id, client_id, office_id)
              SELECT DISTINCT r.id, upper(c.value), r.office_id
              FROM requests AS r, json_each(r.client_ids) AS c;
              """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "request_clients", schema: Schema);
}
