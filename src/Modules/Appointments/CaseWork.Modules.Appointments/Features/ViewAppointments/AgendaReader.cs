using System.Data.Common;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;

namespace CaseWork.Modules.Appointments.Features.ViewAppointments;

/// <summary>
/// The day and week agenda — every agenda page and <c>GET /api/appointments</c> — in hand-written SQL on the module's own
/// connection: one statement for the window's appointments (first 500 by start, ties by id) with their room's name, clients
/// and workers, read straight into <see cref="AgendaRow"/>s (ADR 0037). Same office scope as the query filters
/// (<see cref="ModuleDbContext.ScopedOffice"/>), same window bounded on both sides of the start index as the mapped query
/// (ADR 0022); <c>AgendaReaderTests</c> hold its rows to the EF query's (<see cref="AppointmentViews.RowsAsync"/>) on both
/// providers, so a column added to the agenda there fails until it is read here as well.
/// </summary>
internal static class AgendaReader
{
    /// <summary>Whose agenda: a worker's (appointments they take part in), a room's, or the whole office's.</summary>
    public enum Scope
    {
        Office,
        Worker,
        Room,
    }

    /// <summary>
    /// The rows of the appointments overlapping [<paramref name="from"/>, <paramref name="until"/>) of the office, for
    /// <paramref name="scope"/> and <paramref name="who"/> (a worker's or a room's id).
    /// </summary>
    public static async Task<IReadOnlyList<AgendaRow>> ReadAsync(
        AppointmentsDbContext db, DateTimeOffset from, DateTimeOffset until, Scope scope, Guid who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.ScopedOffice is not { } office)
        {
            return [];
        }

        var postgres = db.OnPostgres;
        return await StoreSql.WithCommandAsync(db, command =>
        {
            command.CommandText = Sql(postgres, scope);
            StoreSql.AddParameter(command, "office", StoreSql.Id(postgres, office.Value));
            // The lower bound on the start keeps the read on the start indexes: nothing lasts longer than a day.
            StoreSql.AddParameter(command, "earliest", StoreSql.Instant(postgres, from - Appointment.LongestDuration));
            StoreSql.AddParameter(command, "from", StoreSql.Instant(postgres, from));
            StoreSql.AddParameter(command, "until", StoreSql.Instant(postgres, until));
            if (scope != Scope.Office)
            {
                StoreSql.AddParameter(command, "who", StoreSql.Id(postgres, who));
            }

            if (postgres)
            {
                command.CommandText = GenericPlanOn + command.CommandText + GenericPlanOff;
            }

            return ReadRowsAsync(command, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<AgendaRow>> ReadRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AgendaRow>();
        List<AgendaClient> clients = [];
        List<UserId> workers = [];
        Guid? lastClientRow = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (rows.Count == 0 || rows[^1].Id != id)
            {
                clients = [];
                workers = [];
                lastClientRow = null;
                rows.Add(new AgendaRow(
                    id, StoreSql.ReadInstant(reader, 1), StoreSql.ReadInstant(reader, 2), (AppointmentKind)reader.GetInt32(3), (AppointmentStatus)reader.GetInt32(4),
                    (PlaceKind)reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                    (InterpreterStatus)reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                    clients, workers));
            }

            // Clients and workers are joined side by side, ordered by client row and then worker: each client row repeats
            // once per worker, and the workers repeat once per client. A client is taken when its row changes, the
            // workers while the first client (or no client) is read.
            Guid? clientRow = reader.IsDBNull(12) ? null : reader.GetGuid(12);
            if (clientRow is not null && clientRow != lastClientRow)
            {
                lastClientRow = clientRow;
                clients.Add(new AgendaClient(reader.IsDBNull(13) ? null : reader.GetGuid(13), reader.GetString(14)));
            }

            if (!reader.IsDBNull(15) && clients.Count <= 1)
            {
                workers.Add(UserId.From(reader.GetGuid(15)));
            }
        }

        return rows;
    }

    /// <summary>
    /// PostgreSQL re-plans a prepared statement on every execution while its generic plan's estimate looks costlier than the
    /// custom plans (a range on parameters is guessed at 0.5 %), and for the agenda planning cost more than running it
    /// (ADR 0037, amendment 2). On PostgreSQL the statement therefore runs between <c>SET plan_cache_mode =
    /// force_generic_plan</c> and <c>RESET</c> in the same batch (one round trip): the connection goes back to the pool as
    /// it came, and every other statement keeps PostgreSQL's own choice. A batch that fails is rolled back as one implicit
    /// transaction (or with the caller's), and <c>SET</c> is rolled back with it.
    /// </summary>
    private const string GenericPlanOn = "SET plan_cache_mode = force_generic_plan;\n";

    private const string GenericPlanOff = ";\nRESET plan_cache_mode";

    /// <summary>The statement for <paramref name="scope"/>; parameters <c>@office</c>, <c>@earliest</c>, <c>@from</c>, <c>@until</c> and <c>@who</c>.</summary>
    internal static string Sql(bool postgres, Scope scope)
    {
        var schema = postgres ? AppointmentsDbContext.StoreDescriptor.Schema + "." : "";
        var filter = scope switch
        {
            Scope.Worker => $" AND EXISTS (SELECT 1 FROM {schema}appointment_workers AS aw WHERE aw.appointment_id = a.id AND aw.worker_id = @who)",
            Scope.Room => " AND a.room_id = @who",
            _ => "",
        };
        return
            "SELECT w.id, w.start_at, w.end_at, w.kind, w.status, w.place_kind, w.place_text, r.name, w.topic, w.interpreter_status, " +
            "w.interpreter_language, w.documents_to_bring, c.id, c.client_id, c.pseudonym_code, s.worker_id\n" +
            "FROM (SELECT a.id, a.start_at, a.end_at, a.kind, a.status, a.place_kind, a.place_text, a.room_id, a.topic, a.interpreter_status, " +
            "a.interpreter_language, a.documents_to_bring\n" +
            $"      FROM {schema}appointments AS a\n" +
            $"      WHERE a.office_id = @office AND a.start_at > @earliest AND a.start_at < @until AND a.end_at > @from{filter}\n" +
            "      ORDER BY a.start_at, a.id LIMIT 500) AS w\n" +
            $"LEFT JOIN {schema}rooms AS r ON r.id = w.room_id AND r.office_id = @office\n" +
            $"LEFT JOIN {schema}appointment_clients AS c ON c.appointment_id = w.id\n" +
            $"LEFT JOIN {schema}appointment_workers AS s ON s.appointment_id = w.id\n" +
            "ORDER BY w.start_at, w.id, c.id, s.worker_id";
    }
}
