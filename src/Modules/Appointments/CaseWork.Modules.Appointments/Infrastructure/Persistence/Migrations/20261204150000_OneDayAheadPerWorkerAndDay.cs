using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence.Migrations;

/// <summary>
/// At most one day-ahead message per worker and day (ADR 0022): two planning runs at the same moment — two instances, or the
/// scheduled run and a manual one — could each find nothing planned yet and both insert a row, so the worker got the mail twice.
/// </summary>
[DbContext(typeof(AppointmentsDbContext))]
[Migration("20261204150000_OneDayAheadPerWorkerAndDay")]
internal sealed class OneDayAheadPerWorkerAndDay : Migration
{
    private const string Schema = "appointments";
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Rows planned twice before this migration: keep the earliest (sent first, if one was), drop the copies.
        // SQLite keeps each module in its own file and has no schemas.
        var table = ActiveProvider == Postgres ? Schema + ".reminders" : "reminders";
        migrationBuilder.Sql($"""
            DELETE FROM {table}
            WHERE purpose = 3 AND worker_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM {table} AS earlier
                          WHERE earlier.purpose = 3 AND earlier.office_id = reminders.office_id
                            AND earlier.worker_id = reminders.worker_id AND earlier.offset_code = reminders.offset_code
                            AND (earlier.state = 1 AND reminders.state <> 1
                                 OR (earlier.state = 1) = (reminders.state = 1) AND earlier.id < reminders.id));
            """);
        migrationBuilder.CreateIndex(
            name: "ux_reminders_day_ahead", schema: Schema, table: "reminders",
            columns: ["office_id", "worker_id", "offset_code"], unique: true, filter: "purpose = 3");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ux_reminders_day_ahead", schema: Schema, table: "reminders");
}
