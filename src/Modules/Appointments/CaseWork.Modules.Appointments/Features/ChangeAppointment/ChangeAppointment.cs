using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.ChangeAppointment;

/// <summary>
/// Moves an appointment to a new wall-clock time. <see cref="Scope"/> "following" moves the later open occurrences of its
/// series by the same wall-clock shift ("this and following"); "this" moves only this one.
/// </summary>
internal sealed record RescheduleAppointment(
    Guid AppointmentId, int Version, DateTime Start, DateTime End, string? TimeZone, string? Scope, bool ConfirmWarnings) : ICommand<int>;

/// <summary>A lifecycle step: confirm, complete, no-show or cancel (by client or office, with a reason).</summary>
internal sealed record ChangeAppointmentStatus(Guid AppointmentId, int Version, string Action, string? CancelledBy, string? Reason) : ICommand<int>;

internal sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointment>
{
    public RescheduleAppointmentValidator()
    {
        RuleFor(x => x.End).GreaterThan(x => x.Start).WithMessage("The end must be after the start.");
        RuleFor(x => x.TimeZone).Must(InputRules.IsKnownZone).WithMessage("Unknown time zone.");
        RuleFor(x => x.Scope).Must(s => s is null or "this" or "following").WithMessage("Scope is this or following.");
    }
}

internal sealed class ChangeAppointmentStatusValidator : AbstractValidator<ChangeAppointmentStatus>
{
    public ChangeAppointmentStatusValidator()
    {
        RuleFor(x => x.Action).Must(a => a is "confirm" or "complete" or "no-show" or "cancel").WithMessage("Unknown action.");
        RuleFor(x => x.CancelledBy).Must(b => b is "client" or "office").WithMessage("Cancelled by client or office.").When(x => x.Action == "cancel");
        RuleFor(x => x.Reason).MaximumLength(1000);
    }
}

internal sealed class RescheduleAppointmentHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ReminderPlanner reminders, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<RescheduleAppointment, int>
{
    public async Task<Result<int>> Handle(RescheduleAppointment command, CancellationToken cancellationToken)
    {
        var appointment = await AppointmentAccess.LoadAsync(db, command.AppointmentId, command.Version, cancellationToken);
        if (appointment is null || user.OfficeId is not { } office)
        {
            return InputRules.NotFound();
        }

        var now = time.GetUtcNow();
        var settings = await rules.ForAsync(office, cancellationToken);
        var clock = InputRules.ClockFor(command.TimeZone, settings);
        var start = clock.ToInstant(command.Start);
        var end = clock.ToInstant(command.End);

        var moves = new List<(Appointment Appointment, DateTimeOffset Start, DateTimeOffset End)> { (appointment, start, end) };
        if (command.Scope == "following")
        {
            var startShift = clock.ToLocal(start) - clock.ToLocal(appointment.Start);
            var endShift = clock.ToLocal(end) - clock.ToLocal(appointment.End);
            var following = await AppointmentAccess.LaterOpenInSeriesAsync(db, appointment, cancellationToken);
            moves.AddRange(following.Select(a => (a, clock.ToInstant(clock.ToLocal(a.Start) + startShift), clock.ToInstant(clock.ToLocal(a.End) + endShift))));
        }

        var warnings = new List<string>();
        foreach (var (moving, newStart, newEnd) in moves)
        {
            var report = ConflictReport.Check(moving.Id, newStart, newEnd, moving.RoomId, [.. moving.Workers.Select(w => w.WorkerId)],
                (await InputRules.BookedAsync(db, newStart, newEnd, cancellationToken)).Where(b => moves.All(m => m.Appointment.Id != b.Id)),
                settings.OfficeHours, settings.Clock);
            if (report.RoomTaken)
            {
                return InputRules.RoomTaken();
            }

            warnings.AddRange(report.WarningCodes);
        }

        if (warnings.Count > 0 && !command.ConfirmWarnings)
        {
            return InputRules.ConfirmWarnings(warnings);
        }

        foreach (var (moving, newStart, newEnd) in moves)
        {
            var previousStart = moving.Start;
            var previousEnd = moving.End;
            var moved = moving.Reschedule(newStart, newEnd, now);
            if (!moved.IsSuccess)
            {
                return moved.Error;
            }

            if (previousStart == moving.Start && previousEnd == moving.End)
            {
                continue;
            }

            await reminders.PlanAsync(moving, settings, cancellationToken);
            db.Enqueue(new AppointmentRescheduled(Guid.CreateVersion7(), now, moving.Snapshot(), previousStart, previousEnd));
            await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Update, nameof(Appointment), moving.Id.ToString(),
                Details: "rescheduled"), cancellationToken);
        }

        return command.Version + 1;
    }
}

internal sealed class ChangeAppointmentStatusHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ReminderPlanner reminders, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<ChangeAppointmentStatus, int>
{
    public async Task<Result<int>> Handle(ChangeAppointmentStatus command, CancellationToken cancellationToken)
    {
        var appointment = await AppointmentAccess.LoadAsync(db, command.AppointmentId, command.Version, cancellationToken);
        if (appointment is null || user.OfficeId is not { } office)
        {
            return InputRules.NotFound();
        }

        var now = time.GetUtcNow();
        var outcome = command.Action switch
        {
            "confirm" => appointment.Confirm(),
            "complete" => appointment.Complete(now),
            "no-show" => appointment.MarkNoShow(now),
            _ => appointment.Cancel(command.CancelledBy == "client" ? CancelledBy.Client : CancelledBy.Office, command.Reason),
        };
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        var snapshot = appointment.Snapshot();
        switch (appointment.Status)
        {
            case AppointmentStatus.Cancelled:
                await reminders.CancelAsync(appointment, await rules.ForAsync(office, cancellationToken), cancellationToken);
                db.Enqueue(new AppointmentCancelled(Guid.CreateVersion7(), now, snapshot, command.CancelledBy ?? "office", appointment.CancellationReason));
                break;
            case AppointmentStatus.Completed:
                db.Enqueue(new AppointmentCompleted(Guid.CreateVersion7(), now, snapshot));
                break;
            case AppointmentStatus.NoShow:
                foreach (var client in snapshot.ClientIds)
                {
                    db.Enqueue(new AppointmentNoShow(Guid.CreateVersion7(), now, office, appointment.Id.Value, client));
                }

                break;
        }

        await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Update, nameof(Appointment), appointment.Id.ToString(),
            Details: "status: " + command.Action), cancellationToken);
        return command.Version + 1;
    }
}

internal static class AppointmentAccess
{
    /// <summary>
    /// Loads an appointment of the current office for a change based on <paramref name="version"/>: the save is checked
    /// against that version, so an edit made on a stale page becomes a conflict instead of silently winning.
    /// </summary>
    public static async Task<Appointment?> LoadAsync(AppointmentsDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(id);
        var appointment = await db.Appointments.Include(a => a.Workers).Include(a => a.Clients).Include(a => a.TimeChanges)
            .FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is not null)
        {
            db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
        }

        return appointment;
    }

    /// <summary>The open occurrences of the appointment's series after it ("this and following"); none for a single appointment.</summary>
    public static async Task<List<Appointment>> LaterOpenInSeriesAsync(AppointmentsDbContext db, Appointment appointment, CancellationToken cancellationToken)
    {
        if (appointment.SeriesId is not { } series)
        {
            return [];
        }

        return await db.Appointments.Include(a => a.Workers).Include(a => a.Clients).Include(a => a.TimeChanges)
            .Where(a => a.SeriesId == series && a.Id != appointment.Id && a.Start > appointment.Start
                        && (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed))
            .ToListAsync(cancellationToken);
    }
}
