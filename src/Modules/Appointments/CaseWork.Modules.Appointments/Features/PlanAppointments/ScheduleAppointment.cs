using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using FluentValidation;

namespace CaseWork.Modules.Appointments.Features.PlanAppointments;

/// <summary>A weekly rule for a new series: every n weeks until a day, leaving out single dates.</summary>
internal sealed record RecurrenceInput(int EveryWeeks, DateOnly Until, IReadOnlyList<DateOnly>? Exceptions);

/// <summary>
/// Plans an appointment (or a series). Times are wall-clock times in <see cref="TimeZone"/> (default: the office's), the way
/// people enter them; they are stored as UTC instants.
/// </summary>
internal sealed record ScheduleAppointment(
    string Kind,
    string PlaceKind,
    string? PlaceText,
    Guid? RoomId,
    string? Topic,
    string? DocumentsToBring,
    DateTime Start,
    DateTime End,
    string? TimeZone,
    IReadOnlyList<Guid>? ClientIds,
    IReadOnlyList<Guid>? WorkerIds,
    InterpreterInput? Interpreter,
    RecurrenceInput? Recurrence,
    bool ConfirmWarnings) : ICommand<ScheduledAppointments>, IWhatAndWhere;

/// <summary>The appointments created (one, or the occurrences of a series) and the warnings the worker confirmed.</summary>
internal sealed record ScheduledAppointments(IReadOnlyList<Guid> AppointmentIds, Guid? SeriesId, IReadOnlyList<string> ConfirmedWarnings);

internal sealed class ScheduleAppointmentValidator : WhatAndWhereValidator<ScheduleAppointment>
{
    public ScheduleAppointmentValidator()
    {
        RuleFor(x => x.End).GreaterThan(x => x.Start).WithMessage("The end must be after the start.");
        RuleFor(x => x.TimeZone).Must(InputRules.IsKnownZone).WithMessage("Unknown time zone.");
        RuleFor(x => x.ClientIds).Must(c => c is null || c.Count <= 20).WithMessage("At most 20 clients.");
        RuleFor(x => x.WorkerIds).Must(w => w is null || w.Count <= 10).WithMessage("At most 10 workers.");
        InputRules.ApplyInterpreterRules(this, x => x.Interpreter);
        RuleFor(x => x.Recurrence!.EveryWeeks).InclusiveBetween(1, 8).OverridePropertyName("recurrence.everyWeeks").When(x => x.Recurrence is not null);
        RuleFor(x => x.Recurrence!.Until).Must((x, until) => until >= DateOnly.FromDateTime(x.Start)).WithMessage("The series must end after it starts.")
            .OverridePropertyName("recurrence.until").When(x => x.Recurrence is not null);
    }
}

internal sealed class ScheduleAppointmentHandler(
    AppointmentsDbContext db,
    ICurrentUser user,
    IOfficeDirectory offices,
    OfficeRules rules,
    ClientLookup clients,
    ReminderPlanner reminders,
    IAuditTrail audit,
    TimeProvider time) : ICommandHandler<ScheduleAppointment, ScheduledAppointments>
{
    public async Task<Result<ScheduledAppointments>> Handle(ScheduleAppointment command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office plan appointments.");
        }

        var now = time.GetUtcNow();
        var settings = await rules.ForAsync(office, cancellationToken);
        var clock = InputRules.ClockFor(command.TimeZone, settings);
        var start = clock.ToInstant(command.Start);
        var end = clock.ToInstant(command.End);

        var workerIds = command.WorkerIds is { Count: > 0 } given ? given : user.UserId is { } me ? [me.Value] : [];
        if (await InputRules.CheckWorkersAsync(offices, office, workerIds, cancellationToken) is { IsSuccess: false } badWorker)
        {
            return badWorker.Error;
        }

        if (await InputRules.CheckRoomAsync(db, command.RoomId, cancellationToken) is { IsSuccess: false } badRoom)
        {
            return badRoom.Error;
        }

        var participants = new List<(Guid Id, string PseudonymCode)>();
        foreach (var client in (command.ClientIds ?? []).Distinct())
        {
            var summary = await clients.SummaryAsync(office, client, cancellationToken);
            if (summary is null || summary.IsAnonymised)
            {
                return Error.Validation("clientIds", "Unknown client.");
            }

            participants.Add((client, summary.PseudonymCode));
        }

        var occurrences = command.Recurrence is { } recurrence
            ? new RecurrenceRule(recurrence.EveryWeeks, recurrence.Until, (recurrence.Exceptions ?? []).ToHashSet()).Occurrences(start, end, clock)
            : [(start, end)];
        if (occurrences.Count == 0)
        {
            return Error.Validation("recurrence.exceptions", "The series leaves out every date.");
        }

        var seriesId = command.Recurrence is null ? (Guid?)null : Guid.CreateVersion7();
        var workers = workerIds.Select(w => new CaseWork.BuildingBlocks.Ids.UserId(w)).ToList();
        var warnings = new List<string>();
        var created = new List<Appointment>();
        foreach (var (occurrenceStart, occurrenceEnd) in occurrences)
        {
            var report = ConflictReport.Check(null, occurrenceStart, occurrenceEnd, command.RoomId, workers,
                await InputRules.BookedAsync(db, occurrenceStart, occurrenceEnd, cancellationToken), settings.OfficeHours, settings.Clock);
            if (report.RoomTaken)
            {
                return InputRules.RoomTaken();
            }

            warnings.AddRange(report.WarningCodes);
            var scheduled = Appointment.Schedule(
                office, Codes.KindFrom(command.Kind)!.Value, Codes.PlaceFrom(command.PlaceKind)!.Value, command.PlaceText ?? "", command.RoomId,
                command.Topic, command.DocumentsToBring, occurrenceStart, occurrenceEnd, participants, workers,
                command.Interpreter?.ToRequirement(), seriesId, now);
            if (!scheduled.IsSuccess)
            {
                return scheduled.Error;
            }

            created.Add(scheduled.Value);
        }

        if (warnings.Count > 0 && !command.ConfirmWarnings)
        {
            return InputRules.ConfirmWarnings(warnings);
        }

        foreach (var appointment in created)
        {
            db.Appointments.Add(appointment);
            await reminders.PlanAsync(appointment, settings, cancellationToken);
            db.Enqueue(new AppointmentScheduled(Guid.CreateVersion7(), now, appointment.Snapshot()));
            await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Create, nameof(Appointment), appointment.Id.ToString(),
                Details: $"clients: {appointment.Clients.Count}"), cancellationToken);
        }

        return new ScheduledAppointments([.. created.Select(a => a.Id.Value)], seriesId, [.. warnings.Distinct()]);
    }
}
