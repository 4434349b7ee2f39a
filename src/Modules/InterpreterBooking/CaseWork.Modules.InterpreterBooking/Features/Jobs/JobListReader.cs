using System.Text.Json;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>
/// The interpreter's job list (<c>GET /api/interpreter-booking/jobs</c> and the portal page) in hand-written SQL on the
/// module's own connection, read straight into <see cref="JobRow"/>s (ADR 0041): the interpreter's bookings ending at or
/// after the horizon, not cancelled, joined to their requests, with their office's detail access days, ordered by start
/// (ties by booking id). Every office (the interpreter serves several, ADR 0038), so no office scope.
/// <c>JobListReaderTests</c> hold its rows to the EF query it replaced on both providers, so a column added to the job
/// list there fails until it is read here as well.
/// </summary>
internal static class JobListReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<JobRow>> ReadAsync(InterpreterBookingDbContext db, UserId me, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.OnPostgres;
        return await HandWrittenRead.ReadRowsAsync(
            db,
            postgres ? PostgresSql : SqliteSql,
            command =>
            {
                StoreSql.AddParameter(command, "me", StoreSql.Id(postgres, me.Value));
                StoreSql.AddParameter(command, "horizon", StoreSql.Instant(postgres, horizon));
            },
            reader => new JobRow(
                reader.GetGuid(0),
                reader.GetGuid(1),
                OfficeId.From(reader.GetGuid(2)),
                StoreSql.ReadInstant(reader, 3),
                StoreSql.ReadInstant(reader, 4),
                reader.IsDBNull(5) ? null : StoreSql.ReadInstant(reader, 5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                (Modality)reader.GetInt32(8),
                (SubjectArea)reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                ClientIds(reader.GetString(12)),
                reader.IsDBNull(13) ? null : UserId.From(reader.GetGuid(13)),
                (BookingState)reader.GetInt32(14),
                reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetInt32(16)),
            cancellationToken);
    }

    /// <summary>The statement; parameters <c>@me</c> and <c>@horizon</c>.</summary>
    internal static string Sql(bool postgres)
    {
        var schema = postgres ? InterpreterBookingDbContext.StoreDescriptor.Schema + "." : "";
        return
            "SELECT b.id, r.id, b.office_id, b.start_at, b.end_at, b.actual_end, b.language, b.dialect, b.modality, r.subject_area, r.place, " +
            "r.notes, r.client_ids, r.contact_worker_id, b.state, b.confirmation_code,\n" +
            $"       (SELECT p.detail_access_days FROM {schema}booking_policies AS p WHERE p.office_id = b.office_id)\n" +
            $"FROM {schema}bookings AS b\n" +
            $"JOIN {schema}requests AS r ON r.id = b.request_id\n" +
            $"WHERE b.interpreter_id = @me AND b.end_at >= @horizon AND b.state <> {(int)BookingState.Cancelled}\n" +
            "ORDER BY b.start_at, b.id";
    }

    private static readonly string PostgresSql = Sql(postgres: true);

    private static readonly string SqliteSql = Sql(postgres: false);

    /// <summary>The request's clients as the mapping stores them (<c>JsonColumn</c>: a JSON array of ids); nearly always none.</summary>
    private static List<Guid> ClientIds(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<List<Guid>>(json, Json)!;
}
