using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>What an appointment needs of an interpreter.</summary>
internal sealed record InterpreterRequirement(string Language, string? Dialect, InterpretingModality Modality, string? Notes)
{
    /// <summary>Whether <paramref name="other"/> asks for another interpreter: another language, dialect or way of interpreting (notes do not).</summary>
    public bool NeedsAnotherInterpreterThan(InterpreterRequirement other) =>
        !string.Equals(Language, other.Language, StringComparison.OrdinalIgnoreCase)
        || !string.Equals(Dialect ?? "", other.Dialect ?? "", StringComparison.OrdinalIgnoreCase)
        || Modality != other.Modality;

    public InterpreterNeed ToNeed() => new(Language, Dialect, Modality, null, Notes);
}

/// <summary>How an interpreter need changed.</summary>
internal enum InterpreterNeedChange
{
    /// <summary>Nothing changed.</summary>
    None = 0,

    /// <summary>An interpreter is needed where none was.</summary>
    Added = 1,

    /// <summary>No interpreter is needed any more.</summary>
    Removed = 2,

    /// <summary>Another language, dialect or modality: the arranged interpreter no longer fits.</summary>
    Replaced = 3,

    /// <summary>Only the notes changed: the arranged interpreter stays.</summary>
    Amended = 4,
}

/// <summary>Who joined and who left an appointment.</summary>
internal sealed record ClientChanges(IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed)
{
    public static readonly ClientChanges None = new([], []);

    public bool Any => Added.Count > 0 || Removed.Count > 0;
}

/// <summary>
/// An appointment of the office with one or more clients and workers. Times are UTC instants; the office's clock gives
/// them their wall-clock meaning. Every change raises <see cref="Sequence"/> (the iCalendar SEQUENCE).
/// </summary>
internal sealed class Appointment : IOfficeScoped, IVersioned
{
    private readonly List<AppointmentClient> _clients = [];
    private readonly List<AppointmentWorker> _workers = [];
    private readonly List<AppointmentTimeChange> _timeChanges = [];

    private Appointment()
    {
        Topic = "";
        PlaceText = "";
    }

    public AppointmentId Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    /// <summary>Occurrences of one recurring appointment share this id.</summary>
    public Guid? SeriesId { get; private set; }

    public AppointmentKind Kind { get; private set; }

    public PlaceKind PlaceKind { get; private set; }

    /// <summary>Room name, address, dial-in or video link.</summary>
    public string PlaceText { get; private set; }

    public Guid? RoomId { get; private set; }

    /// <summary>Staff only: never in reminders, feeds or events.</summary>
    public string Topic { get; private set; }

    public string? DocumentsToBring { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public AppointmentStatus Status { get; private set; }

    public CancelledBy? CancelledBy { get; private set; }

    public string? CancellationReason { get; private set; }

    public string? InterpreterLanguage { get; private set; }

    public string? InterpreterDialect { get; private set; }

    public InterpretingModality? InterpreterModality { get; private set; }

    public string? InterpreterNotes { get; private set; }

    public InterpreterStatus InterpreterStatus { get; private set; }

    public string? InterpreterName { get; private set; }

    public int Sequence { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<AppointmentClient> Clients => _clients;

    public IReadOnlyList<AppointmentWorker> Workers => _workers;

    public IReadOnlyList<AppointmentTimeChange> TimeChanges => _timeChanges;

    public InterpreterRequirement? Interpreter =>
        InterpreterLanguage is null ? null : new InterpreterRequirement(InterpreterLanguage, InterpreterDialect, InterpreterModality ?? InterpretingModality.InPerson, InterpreterNotes);

    public bool IsOpen => Status is AppointmentStatus.Planned or AppointmentStatus.Confirmed;

    public static Result<Appointment> Schedule(
        OfficeId office, AppointmentKind kind, PlaceKind placeKind, string placeText, Guid? roomId, string? topic, string? documentsToBring,
        DateTimeOffset start, DateTimeOffset end, IReadOnlyList<(Guid Id, string PseudonymCode)> clients, IReadOnlyList<UserId> workers,
        InterpreterRequirement? interpreter, Guid? seriesId, DateTimeOffset now)
    {
        if (TimesInvalid(start, end) is { } error)
        {
            return error;
        }

        if (start <= now)
        {
            return Error.Validation("start", "A new appointment must start in the future.");
        }

        if (workers.Count == 0)
        {
            return Error.Validation("workerIds", "At least one worker takes part.");
        }

        var appointment = new Appointment
        {
            Id = AppointmentId.New(),
            OfficeId = office,
            SeriesId = seriesId,
            Kind = kind,
            PlaceKind = placeKind,
            PlaceText = placeText.Trim(),
            RoomId = roomId,
            Topic = topic?.Trim() ?? "",
            DocumentsToBring = string.IsNullOrWhiteSpace(documentsToBring) ? null : documentsToBring.Trim(),
            Start = start,
            End = end,
            Status = AppointmentStatus.Planned,
            CreatedAt = now,
        };
        foreach (var (id, code) in clients.DistinctBy(c => c.Id))
        {
            appointment._clients.Add(new AppointmentClient(appointment.Id, id, code));
        }

        foreach (var worker in workers.Distinct())
        {
            appointment._workers.Add(new AppointmentWorker(appointment.Id, worker));
        }

        appointment.SetInterpreter(interpreter);
        return appointment;
    }

    /// <summary>No appointment lasts longer; queries by time use it as the lower bound of their index range.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromHours(24);

    public static Error? TimesInvalid(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            return Error.Validation("end", "The end must be after the start.");
        }

        return end - start > LongestDuration ? Error.Validation("end", "An appointment lasts at most 24 hours.") : null;
    }

    /// <summary>Moves the appointment; the earlier time is kept in <see cref="TimeChanges"/>.</summary>
    public Result<Unit> Reschedule(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be moved.");
        }

        if (TimesInvalid(start, end) is { } error)
        {
            return error;
        }

        if (start <= now)
        {
            return Error.Validation("start", "The new time must be in the future.");
        }

        if (start == Start && end == End)
        {
            return Unit.Value;
        }

        _timeChanges.Add(new AppointmentTimeChange(Id, Start, End, now));
        Start = start;
        End = end;
        // A moved appointment needs confirming again.
        Status = AppointmentStatus.Planned;
        Sequence++;
        return Unit.Value;
    }

    /// <summary>What the appointment is and where; the clients and the interpreter need change with their own methods.</summary>
    public Result<Unit> ChangeDetails(AppointmentKind kind, PlaceKind placeKind, string placeText, Guid? roomId, string? topic, string? documentsToBring)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be changed.");
        }

        Kind = kind;
        PlaceKind = placeKind;
        PlaceText = placeText.Trim();
        RoomId = roomId;
        Topic = topic?.Trim() ?? "";
        DocumentsToBring = string.IsNullOrWhiteSpace(documentsToBring) ? null : documentsToBring.Trim();
        Sequence++;
        return Unit.Value;
    }

    /// <summary>
    /// Which clients take part from now on. An appointment with clients keeps at least one (one without, such as outreach
    /// hours, may stay without). A client whose record was anonymised stays as the bare row that counts.
    /// </summary>
    public Result<ClientChanges> ChangeClients(IReadOnlyList<(Guid Id, string PseudonymCode)> clients)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be changed.");
        }

        var wanted = clients.DistinctBy(c => c.Id).ToList();
        if (wanted.Count == 0 && _clients.Count > 0)
        {
            return Error.Validation("clientIds", "At least one client takes part.");
        }

        var current = _clients.Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value).ToHashSet();
        var removed = current.Where(id => wanted.All(w => w.Id != id)).ToList();
        var added = wanted.Where(w => !current.Contains(w.Id)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return ClientChanges.None;
        }

        _clients.RemoveAll(c => c.ClientId is { } id && removed.Contains(id));
        foreach (var (id, code) in added)
        {
            _clients.Add(new AppointmentClient(Id, id, code));
        }

        Sequence++;
        return new ClientChanges([.. added.Select(a => a.Id)], removed);
    }

    /// <summary>
    /// Sets, changes or removes the interpreter need. Another language, dialect or modality asks for another interpreter
    /// (the arrangement starts again); changed notes keep the interpreter arranged so far.
    /// </summary>
    public Result<InterpreterNeedChange> ChangeInterpreter(InterpreterRequirement? interpreter)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be changed.");
        }

        var before = Interpreter;
        var change = (before, interpreter) switch
        {
            (null, null) => InterpreterNeedChange.None,
            (null, not null) => InterpreterNeedChange.Added,
            (not null, null) => InterpreterNeedChange.Removed,
            var (old, @new) when old == @new => InterpreterNeedChange.None,
            var (old, @new) when @new!.NeedsAnotherInterpreterThan(old!) => InterpreterNeedChange.Replaced,
            _ => InterpreterNeedChange.Amended,
        };
        switch (change)
        {
            case InterpreterNeedChange.None:
                return change;
            case InterpreterNeedChange.Amended:
                InterpreterDialect = interpreter!.Dialect;
                InterpreterNotes = interpreter.Notes;
                break;
            default:
                SetInterpreter(interpreter);
                break;
        }

        Sequence++;
        return change;
    }

    /// <summary>Who of the office takes part from now on (at least one).</summary>
    public Result<Unit> ChangeWorkers(IReadOnlyCollection<UserId> workers)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be changed.");
        }

        if (workers.Count == 0)
        {
            return Error.Validation("workerIds", "At least one worker takes part.");
        }

        if (_workers.Select(w => w.WorkerId).ToHashSet().SetEquals(workers))
        {
            return Unit.Value;
        }

        _workers.RemoveAll(w => !workers.Contains(w.WorkerId));
        foreach (var worker in workers.Distinct().Where(w => _workers.All(existing => existing.WorkerId != w)))
        {
            _workers.Add(new AppointmentWorker(Id, worker));
        }

        Sequence++;
        return Unit.Value;
    }

    public Result<Unit> Confirm()
    {
        if (Status != AppointmentStatus.Planned)
        {
            return Error.Conflict("not-planned", "Only a planned appointment can be confirmed.");
        }

        Status = AppointmentStatus.Confirmed;
        Sequence++;
        return Unit.Value;
    }

    public Result<Unit> Complete(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "The appointment is already closed.");
        }

        if (Start > now)
        {
            return Error.Conflict("not-started", "An appointment can be completed once it has started.");
        }

        Status = AppointmentStatus.Completed;
        Sequence++;
        return Unit.Value;
    }

    /// <summary>The clients did not come; each client row counts a no-show.</summary>
    public Result<Unit> MarkNoShow(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "The appointment is already closed.");
        }

        if (Start > now)
        {
            return Error.Conflict("not-started", "A no-show is recorded once the appointment has started.");
        }

        if (_clients.Count == 0)
        {
            return Error.Conflict("no-clients", "An appointment without clients cannot be a no-show.");
        }

        Status = AppointmentStatus.NoShow;
        foreach (var client in _clients)
        {
            client.NoShow = true;
        }

        Sequence++;
        return Unit.Value;
    }

    public Result<Unit> Cancel(CancelledBy by, string? reason)
    {
        if (!IsOpen)
        {
            return Error.Conflict("appointment-closed", "The appointment is already closed.");
        }

        Status = AppointmentStatus.Cancelled;
        CancelledBy = by;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Sequence++;
        return Unit.Value;
    }

    public void InterpreterBooked(string interpreterName)
    {
        InterpreterStatus = InterpreterStatus.Booked;
        InterpreterName = interpreterName;
    }

    public void InterpreterNotAvailable()
    {
        InterpreterStatus = InterpreterStatus.Unavailable;
        InterpreterName = null;
    }

    public void InterpreterBookingCancelled()
    {
        if (InterpreterLanguage is not null)
        {
            InterpreterStatus = InterpreterStatus.Requested;
            InterpreterName = null;
        }
    }

    /// <summary>The client's record was anonymised: keep the row (for counts), drop who it was.</summary>
    public bool ForgetClient(Guid clientId)
    {
        var forgotten = false;
        foreach (var client in _clients.Where(c => c.ClientId == clientId))
        {
            client.Forget();
            forgotten = true;
        }

        if (forgotten)
        {
            // The topic may name the person or their situation.
            Topic = "";
        }

        return forgotten;
    }

    public AppointmentSnapshot Snapshot() => new(
        Id.Value,
        OfficeId,
        [.. _clients.Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value)],
        [.. _workers.Select(w => w.WorkerId)],
        Start,
        End,
        Codes.Of(Kind),
        new AppointmentPlace(Codes.Of(PlaceKind), PlaceText),
        InterpreterLanguage is null ? null : new InterpreterNeed(InterpreterLanguage, InterpreterDialect, InterpreterModality ?? InterpretingModality.InPerson, null, InterpreterNotes));

    private void SetInterpreter(InterpreterRequirement? interpreter)
    {
        InterpreterLanguage = interpreter?.Language;
        InterpreterDialect = interpreter?.Dialect;
        InterpreterModality = interpreter?.Modality;
        InterpreterNotes = interpreter?.Notes;
        InterpreterStatus = interpreter is null ? InterpreterStatus.NotNeeded : InterpreterStatus.Requested;
        InterpreterName = null;
    }
}

/// <summary>A client taking part; after anonymisation only the fact (and a no-show) remains.</summary>
internal sealed class AppointmentClient
{
    private AppointmentClient()
    {
        PseudonymCode = "";
    }

    public AppointmentClient(AppointmentId appointment, Guid clientId, string pseudonymCode)
    {
        Id = Guid.CreateVersion7();
        AppointmentId = appointment;
        ClientId = clientId;
        PseudonymCode = pseudonymCode;
    }

    public Guid Id { get; private set; }

    public AppointmentId AppointmentId { get; private set; }

    public Guid? ClientId { get; private set; }

    public string PseudonymCode { get; private set; }

    public bool NoShow { get; set; }

    public void Forget()
    {
        ClientId = null;
        PseudonymCode = "";
    }
}

/// <summary>A worker of the office taking part.</summary>
internal sealed class AppointmentWorker
{
    private AppointmentWorker()
    {
    }

    public AppointmentWorker(AppointmentId appointment, UserId worker)
    {
        AppointmentId = appointment;
        WorkerId = worker;
    }

    public AppointmentId AppointmentId { get; private set; }

    public UserId WorkerId { get; private set; }
}

/// <summary>An earlier time of a moved appointment.</summary>
internal sealed class AppointmentTimeChange
{
    private AppointmentTimeChange()
    {
    }

    public AppointmentTimeChange(AppointmentId appointment, DateTimeOffset previousStart, DateTimeOffset previousEnd, DateTimeOffset changedAt)
    {
        Id = Guid.CreateVersion7();
        AppointmentId = appointment;
        PreviousStart = previousStart;
        PreviousEnd = previousEnd;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; }

    public AppointmentId AppointmentId { get; private set; }

    public DateTimeOffset PreviousStart { get; private set; }

    public DateTimeOffset PreviousEnd { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }
}
