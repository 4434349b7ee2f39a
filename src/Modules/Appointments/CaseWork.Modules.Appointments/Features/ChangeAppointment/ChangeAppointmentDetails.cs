using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
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
/// Changes what an open appointment is and where, who of the office takes part, the internal topic and what to bring;
/// the time is changed by <see cref="RescheduleAppointment"/>. <see cref="Scope"/> "following" applies the same details
/// to the later open occurrences of its series. The clients and the interpreter need stay as planned (the interpreter
/// request is the InterpreterBooking module's, made from the planned need).
/// </summary>
internal sealed record ChangeAppointmentDetails(
    Guid AppointmentId,
    int Version,
    string Kind,
    string PlaceKind,
    string? PlaceText,
    Guid? RoomId,
    string? Topic,
    string? DocumentsToBring,
    IReadOnlyList<Guid>? WorkerIds,
    string? Scope,
    bool ConfirmWarnings) : ICommand<int>, IWhatAndWhere;

internal sealed class ChangeAppointmentDetailsValidator : WhatAndWhereValidator<ChangeAppointmentDetails>
{
    public ChangeAppointmentDetailsValidator()
    {
        RuleFor(x => x.RoomId).NotNull().WithMessage("Choose the room.").When(x => x.PlaceKind == "office_room");
        RuleFor(x => x.WorkerIds).NotEmpty().WithMessage("At least one worker takes part.")
            .Must(w => w is null || w.Count <= 10).WithMessage("At most 10 workers.");
        RuleFor(x => x.Scope).Must(s => s is null or "this" or "following").WithMessage("Scope is this or following.");
    }
}

internal sealed class ChangeAppointmentDetailsHandler(
    AppointmentsDbContext db, ICurrentUser user, IOfficeDirectory offices, OfficeRules rules, ReminderPlanner reminders, IAuditTrail audit)
    : ICommandHandler<ChangeAppointmentDetails, int>
{
    public async Task<Result<int>> Handle(ChangeAppointmentDetails command, CancellationToken cancellationToken)
    {
        var appointment = await AppointmentAccess.LoadAsync(db, command.AppointmentId, command.Version, cancellationToken);
        if (appointment is null || user.OfficeId is not { } office)
        {
            return InputRules.NotFound();
        }

        if (!appointment.IsOpen)
        {
            return Error.Conflict("appointment-closed", "Only a planned or confirmed appointment can be changed.");
        }

        var roomId = command.PlaceKind == "office_room" ? command.RoomId : null;
        if (await InputRules.CheckWorkersAsync(offices, office, command.WorkerIds!, cancellationToken) is { IsSuccess: false } badWorker)
        {
            return badWorker.Error;
        }

        if (roomId != appointment.RoomId && await InputRules.CheckRoomAsync(db, roomId, cancellationToken) is { IsSuccess: false } badRoom)
        {
            return badRoom.Error;
        }

        var changing = new List<Appointment> { appointment };
        if (command.Scope == "following")
        {
            changing.AddRange(await AppointmentAccess.LaterOpenInSeriesAsync(db, appointment, cancellationToken));
        }

        var settings = await rules.ForAsync(office, cancellationToken);
        var workers = command.WorkerIds!.Distinct().Select(w => new UserId(w)).ToList();
        var warnings = new List<string>();
        foreach (var item in changing)
        {
            var report = ConflictReport.Check(item.Id, item.Start, item.End, roomId, workers,
                await InputRules.BookedAsync(db, item.Start, item.End, cancellationToken), settings.OfficeHours, settings.Clock);
            if (report.RoomTaken)
            {
                return InputRules.RoomTaken();
            }

            // Office hours were checked when the time was chosen; a details change only warns about who and where.
            warnings.AddRange(report.WarningCodes.Where(w => w != "outside-office-hours"));
        }

        if (warnings.Count > 0 && !command.ConfirmWarnings)
        {
            return InputRules.ConfirmWarnings(warnings);
        }

        foreach (var item in changing)
        {
            var changed = item.ChangeDetails(
                Codes.KindFrom(command.Kind)!.Value, Codes.PlaceFrom(command.PlaceKind)!.Value, command.PlaceText ?? "", roomId, command.Topic,
                command.DocumentsToBring, item.Interpreter);
            var staffed = changed.IsSuccess ? item.ChangeWorkers(workers) : changed;
            if (!staffed.IsSuccess)
            {
                return staffed.Error;
            }

            // The place is part of the reminder text: reminders still to come carry the new one.
            await reminders.PlanAsync(item, settings, cancellationToken);
            await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Update, nameof(Appointment), item.Id.ToString(),
                Details: "details changed"), cancellationToken);
        }

        return command.Version + 1;
    }
}
