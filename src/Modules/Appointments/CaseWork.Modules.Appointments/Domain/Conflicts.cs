using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>An open appointment that might collide with a new or moved one.</summary>
internal sealed record BookedSlot(AppointmentId Id, DateTimeOffset Start, DateTimeOffset End, Guid? RoomId, IReadOnlyList<UserId> Workers);

/// <summary>
/// What stands against a time: a room already booked refuses it; a worker already booked or a time outside office hours
/// only warns — the worker may confirm (outreach at night and a second worker joining late are real).
/// </summary>
internal sealed record ConflictReport(IReadOnlyList<AppointmentId> RoomTakenBy, IReadOnlyList<UserId> BusyWorkers, bool OutsideOfficeHours)
{
    public bool RoomTaken => RoomTakenBy.Count > 0;

    public bool HasWarnings => BusyWorkers.Count > 0 || OutsideOfficeHours;

    public IReadOnlyList<string> WarningCodes =>
        [.. BusyWorkers.Select(w => "worker-busy:" + w.Value), .. OutsideOfficeHours ? new[] { "outside-office-hours" } : []];

    public static ConflictReport Check(
        AppointmentId? self, DateTimeOffset start, DateTimeOffset end, Guid? roomId, IReadOnlyList<UserId> workers,
        IEnumerable<BookedSlot> booked, OfficeHours hours, OfficeClock clock)
    {
        var overlapping = booked.Where(b => b.Id != self && b.Start < end && start < b.End).ToList();
        var roomTakenBy = roomId is null ? [] : overlapping.Where(b => b.RoomId == roomId).Select(b => b.Id).ToList();
        var busy = workers.Where(w => overlapping.Any(b => b.Workers.Contains(w))).Distinct().ToList();
        return new ConflictReport(roomTakenBy, busy, !hours.Contains(start, end, clock));
    }
}
