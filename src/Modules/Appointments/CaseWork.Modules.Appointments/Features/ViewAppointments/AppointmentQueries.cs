using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.ViewAppointments;

internal sealed record GetAppointment(Guid AppointmentId) : IQuery<AppointmentDetails>;

internal sealed record ClientLine(Guid? ClientId, string PseudonymCode, string DisplayName, string? PreferredLanguage, bool NoShow);

internal sealed record WorkerLine(Guid WorkerId, string DisplayName);

internal sealed record ReminderLine(
    Guid Id, string Purpose, string? ClientPseudonym, string Channel, string Address, string Language, bool RightToLeft, string Body,
    DateTimeOffset? DueAt, DateTime? DueLocal, string State, string? SkipReason, int Attempts, string? LastError, DateTimeOffset? SentAt,
    bool AwaitsSendingByHand = false, DateTimeOffset? SentByHandAt = null);

internal sealed record TimeChangeLine(DateTime PreviousStartLocal, DateTime PreviousEndLocal, DateTimeOffset ChangedAt);

internal sealed record AppointmentDetails(
    Guid Id, int Version, Guid? SeriesId, string Kind, string PlaceKind, string PlaceText, Guid? RoomId, string? RoomName, string Topic,
    string? DocumentsToBring, DateTimeOffset Start, DateTimeOffset End, DateTime StartLocal, DateTime EndLocal, string TimeZone, string Status,
    string? CancelledBy, string? CancellationReason, InterpreterInput? Interpreter, string InterpreterStatus, string? InterpreterName, int Sequence,
    IReadOnlyList<ClientLine> Clients, IReadOnlyList<WorkerLine> Workers, IReadOnlyList<TimeChangeLine> EarlierTimes, IReadOnlyList<ReminderLine> Reminders);

/// <summary>One line of an agenda: no topic-free pseudonymisation here — staff of the office see their own agenda in full.</summary>
internal sealed record AgendaItem(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, DateTime StartLocal, DateTime EndLocal, string Kind, string Status, string PlaceKind,
    string PlaceText, string? RoomName, string Topic, IReadOnlyList<string> Clients, IReadOnlyList<string> Workers, string InterpreterStatus,
    string? InterpreterLanguage, string? DocumentsToBring);

/// <summary>
/// The agenda of a day or a week: for the current worker ("me"), the whole office ("team"), a worker or a room. From left out
/// is the office's today (in its own zone).
/// </summary>
internal sealed record GetAgenda(DateOnly? From, int Days, string Who, Guid? WorkerId, Guid? RoomId) : IQuery<IReadOnlyList<AgendaItem>>;

/// <summary>Open appointments of the coming two weeks that need preparing: an interpreter not yet confirmed, documents to bring.</summary>
internal sealed record GetPreparationList(bool MineOnly) : IQuery<IReadOnlyList<AgendaItem>>;

internal static class AppointmentViews
{
    public static string Code(Enum value) => value.ToString().ToLowerInvariant() switch
    {
        "noshow" => "no_show",
        "notneeded" => "not_needed",
        "clientreminder" => "client_reminder",
        "clientcancellation" => "client_cancellation",
        "interpretermissing" => "interpreter_missing",
        "dayahead" => "day_ahead",
        "noconsentedchannel" => "no_consented_channel",
        "optedout" => "opted_out",
        "tooclose" => "too_close",
        "quiethours" => "quiet_hours",
        "clientanonymised" => "client_anonymised",
        "inperson" => "in_person",
        var other => other,
    };

    /// <summary>
    /// The agenda lines of the appointments <paramref name="query"/> selects (first 500 by start): one query for the
    /// appointments with their room's name, clients and workers (projected, no tracking), then <see cref="ToItemsAsync"/>.
    /// The day and week agenda reads the same rows with <see cref="AgendaReader"/> instead (ADR 0037).
    /// </summary>
    public static async Task<IReadOnlyList<AgendaItem>> ItemsAsync(
        AppointmentsDbContext db, IQueryable<Appointment> query, OfficeClock clock, ClientLookup clients, StaffNames staffNames, OfficeId office,
        CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(db, query, cancellationToken);
        return await ToItemsAsync(rows, clock, clients, staffNames, office, cancellationToken);
    }

    /// <summary>The rows of the agenda lines through EF: first 500 by start (ties by id), clients by their row id.</summary>
    public static async Task<IReadOnlyList<AgendaRow>> RowsAsync(AppointmentsDbContext db, IQueryable<Appointment> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderBy(a => a.Start).ThenBy(a => a.Id).Take(500).Select(a => new
        {
            a.Id, a.Start, a.End, a.Kind, a.Status, a.PlaceKind, a.PlaceText, a.Topic, a.InterpreterStatus, a.InterpreterLanguage, a.DocumentsToBring,
            RoomName = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
            Clients = a.Clients.OrderBy(c => c.Id).Select(c => new AgendaClient(c.ClientId, c.PseudonymCode)).ToList(),
            Workers = a.Workers.OrderBy(w => w.WorkerId).Select(w => w.WorkerId).ToList(),
        }).AsSingleQuery().ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AgendaRow(
            a.Id.Value, a.Start, a.End, a.Kind, a.Status, a.PlaceKind, a.PlaceText, a.RoomName, a.Topic, a.InterpreterStatus, a.InterpreterLanguage,
            a.DocumentsToBring, a.Clients, a.Workers))];
    }

    /// <summary>
    /// The agenda lines of <paramref name="rows"/>: client names in one question to the Clients directory, staff names from a
    /// short-lived cache, times in the office's zone. The one mapping from stored rows to what the agenda shows.
    /// </summary>
    public static async Task<IReadOnlyList<AgendaItem>> ToItemsAsync(
        IReadOnlyList<AgendaRow> rows, OfficeClock clock, ClientLookup clients, StaffNames staffNames, OfficeId office, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var staff = await staffNames.ForAsync(office, cancellationToken);
        var names = await clients.DisplayNamesAsync(office, rows.SelectMany(r => r.Clients).Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value), cancellationToken);
        var items = new AgendaItem[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var a = rows[i];
            var clientNames = new string[a.Clients.Count];
            for (var c = 0; c < clientNames.Length; c++)
            {
                var client = a.Clients[c];
                clientNames[c] = client.ClientId is { } id && names.TryGetValue(id, out var n) ? n : (client.ClientId is null ? "anonymisiert" : client.PseudonymCode);
            }

            var workerNames = new string[a.Workers.Count];
            for (var w = 0; w < workerNames.Length; w++)
            {
                workerNames[w] = staff.TryGetValue(a.Workers[w], out var n) ? n : a.Workers[w].ToString();
            }

            items[i] = new AgendaItem(
                a.Id, a.Start, a.End, clock.ToLocal(a.Start), clock.ToLocal(a.End), Codes.Of(a.Kind), Code(a.Status), Codes.Of(a.PlaceKind), a.PlaceText,
                a.RoomName, a.Topic, clientNames, workerNames, Code(a.InterpreterStatus), a.InterpreterLanguage, a.DocumentsToBring);
        }

        return items;
    }
}

/// <summary>A client of an agenda row as stored on the appointment (null id: anonymised).</summary>
internal sealed record AgendaClient(Guid? ClientId, string PseudonymCode);

/// <summary>An appointment as the agenda reads it, before names and local times are added.</summary>
internal sealed record AgendaRow(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, AppointmentKind Kind, AppointmentStatus Status, PlaceKind PlaceKind, string PlaceText,
    string? RoomName, string Topic, InterpreterStatus InterpreterStatus, string? InterpreterLanguage, string? DocumentsToBring,
    IReadOnlyList<AgendaClient> Clients, IReadOnlyList<UserId> Workers);

internal sealed class GetAppointmentHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ClientLookup clients, IOfficeDirectory offices, IAuditTrail audit)
    : IQueryHandler<GetAppointment, AppointmentDetails>
{
    public async Task<Result<AppointmentDetails>> Handle(GetAppointment query, CancellationToken cancellationToken)
    {
        var id = new AppointmentId(query.AppointmentId);
        var a = await db.Appointments.AsNoTracking().AsSplitQuery().Include(x => x.Clients).Include(x => x.Workers).Include(x => x.TimeChanges)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null || user.OfficeId is not { } office)
        {
            return InputRules.NotFound();
        }

        var settings = await rules.ForAsync(office, cancellationToken);
        var clock = settings.Clock;
        var summaries = await clients.SummariesAsync(office, a.Clients.Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value), cancellationToken);
        var staff = (await offices.GetStaffAsync(office, null, cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName);
        var room = a.RoomId is null ? null : await db.Rooms.AsNoTracking().Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.AppointmentId == id).OrderBy(r => r.Purpose).ThenBy(r => r.DueAt).ToListAsync(cancellationToken);
        var codes = a.Clients.Where(c => c.ClientId is not null).ToDictionary(c => c.ClientId!.Value, c => c.PseudonymCode);
        // A client who left the appointment keeps their reminders (sent, cancelled, the notice that it is off for them).
        var departed = reminders.Where(r => r.ClientId is { } rc && !codes.ContainsKey(rc)).Select(r => r.ClientId!.Value).ToList();
        foreach (var (client, code) in await clients.PseudonymCodesAsync(office, departed, cancellationToken))
        {
            codes[client] = code;
        }

        await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Read, nameof(Appointment), a.Id.ToString()), cancellationToken);
        return new AppointmentDetails(
            a.Id.Value, a.Version, a.SeriesId, Codes.Of(a.Kind), Codes.Of(a.PlaceKind), a.PlaceText, a.RoomId, room, a.Topic, a.DocumentsToBring,
            a.Start, a.End, clock.ToLocal(a.Start), clock.ToLocal(a.End), settings.TimeZone, AppointmentViews.Code(a.Status),
            a.CancelledBy is null ? null : AppointmentViews.Code(a.CancelledBy.Value), a.CancellationReason,
            a.Interpreter is { } i ? new InterpreterInput(i.Language, i.Dialect, AppointmentViews.Code(i.Modality), i.Notes) : null,
            AppointmentViews.Code(a.InterpreterStatus), a.InterpreterName, a.Sequence,
            [.. a.Clients.Select(c => c.ClientId is { } cid && summaries.TryGetValue(cid, out var s)
                ? new ClientLine(cid, s.PseudonymCode, s.DisplayName, s.PreferredLanguage, c.NoShow)
                : new ClientLine(c.ClientId, c.PseudonymCode, c.ClientId is null ? "anonymisiert" : c.PseudonymCode, null, c.NoShow))],
            [.. a.Workers.Select(w => new WorkerLine(w.WorkerId.Value, staff.TryGetValue(w.WorkerId, out var n) ? n : w.WorkerId.ToString()))],
            [.. a.TimeChanges.OrderBy(t => t.ChangedAt).Select(t => new TimeChangeLine(clock.ToLocal(t.PreviousStart), clock.ToLocal(t.PreviousEnd), t.ChangedAt))],
            [.. reminders.Select(r => new ReminderLine(
                r.Id, AppointmentViews.Code(r.Purpose), r.ClientId is { } rc && codes.TryGetValue(rc, out var code) ? code : null,
                AppointmentViews.Code(r.Channel), r.Address, r.Language, CaseWork.BuildingBlocks.Globalization.LanguageCatalog.IsRightToLeft(r.Language), r.Body,
                r.DueAt, r.DueAt is { } due ? clock.ToLocal(due) : null, AppointmentViews.Code(r.State),
                r.SkipReason is null ? null : AppointmentViews.Code(r.SkipReason.Value), r.Attempts, r.LastError, r.SentAt,
                r.AwaitsSendingByHand, r.SentByHandAt))]);
    }
}

internal sealed class GetAgendaHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ClientLookup clients, StaffNames staff, TimeProvider time)
    : IQueryHandler<GetAgenda, IReadOnlyList<AgendaItem>>
{
    public async Task<Result<IReadOnlyList<AgendaItem>>> Handle(GetAgenda query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office have an agenda.");
        }

        var clock = await rules.ClockAsync(office, cancellationToken);
        var day = query.From ?? clock.DateOf(time.GetUtcNow());
        var from = clock.ToInstant(day.ToDateTime(TimeOnly.MinValue));
        var until = clock.ToInstant(day.AddDays(Math.Clamp(query.Days, 1, 31)).ToDateTime(TimeOnly.MinValue));
        var (scope, who) = query.Who switch
        {
            "room" when query.RoomId is { } room => (AgendaReader.Scope.Room, room),
            "worker" when query.WorkerId is { } worker => (AgendaReader.Scope.Worker, worker),
            "team" => (AgendaReader.Scope.Office, Guid.Empty),
            _ => (AgendaReader.Scope.Worker, (user.UserId ?? default).Value),
        };
        var rows = await AgendaReader.ReadAsync(db, from, until, scope, who, cancellationToken);
        return Result<IReadOnlyList<AgendaItem>>.Success(await AppointmentViews.ToItemsAsync(rows, clock, clients, staff, office, cancellationToken));
    }
}

internal sealed class GetPreparationListHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ClientLookup clients, StaffNames staff, TimeProvider time)
    : IQueryHandler<GetPreparationList, IReadOnlyList<AgendaItem>>
{
    public async Task<Result<IReadOnlyList<AgendaItem>>> Handle(GetPreparationList query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office prepare appointments.");
        }

        var now = time.GetUtcNow();
        var until = now.AddDays(14);
        var appointments = db.Appointments.Where(a => a.Start > now && a.Start < until
                                                      && (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed)
                                                      && ((a.InterpreterLanguage != null && a.InterpreterStatus != InterpreterStatus.Booked) || a.DocumentsToBring != null));
        if (query.MineOnly && user.UserId is { } me)
        {
            appointments = appointments.Where(a => a.Workers.Any(w => w.WorkerId == me));
        }

        var clock = await rules.ClockAsync(office, cancellationToken);
        return Result<IReadOnlyList<AgendaItem>>.Success(await AppointmentViews.ItemsAsync(db, appointments, clock, clients, staff, office, cancellationToken));
    }
}
