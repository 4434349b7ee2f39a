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
/// Changes what an open appointment is and where, who takes part (workers of the office and clients), the internal topic,
/// what to bring and the interpreter need; the time is changed by <see cref="RescheduleAppointment"/>. <see cref="Scope"/>
/// "following" applies the same details to the later open occurrences of its series.
/// </summary>
/// <remarks>
/// <see cref="ClientIds"/> null keeps the clients as they are; a list is the clients from now on (an appointment with clients
/// keeps at least one). <see cref="Interpreter"/> sets or changes the need, <see cref="RemoveInterpreter"/> removes it, neither
/// keeps it: a caller that does not know of the need cannot drop it by leaving it out (ADR 0035).
/// </remarks>
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
    bool ConfirmWarnings,
    IReadOnlyList<Guid>? ClientIds = null,
    InterpreterInput? Interpreter = null,
    bool RemoveInterpreter = false) : ICommand<int>, IWhatAndWhere;

internal sealed class ChangeAppointmentDetailsValidator : WhatAndWhereValidator<ChangeAppointmentDetails>
{
    public ChangeAppointmentDetailsValidator()
    {
        RuleFor(x => x.RoomId).NotNull().WithMessage("Choose the room.").When(x => x.PlaceKind == "office_room");
        RuleFor(x => x.WorkerIds).NotEmpty().WithMessage("At least one worker takes part.")
            .Must(w => w is null || w.Count <= 10).WithMessage("At most 10 workers.");
        RuleFor(x => x.Scope).Must(s => s is null or "this" or "following").WithMessage("Scope is this or following.");
        RuleFor(x => x.ClientIds).Must(c => c is null || c.Count <= 20).WithMessage("At most 20 clients.");
        InputRules.ApplyInterpreterRules(this, x => x.Interpreter);
        RuleFor(x => x.RemoveInterpreter).Equal(false).WithMessage("Either change the interpreter need or remove it.")
            .OverridePropertyName("interpreter").When(x => x.Interpreter is not null);
        RuleFor(x => x.Interpreter!.Dialect).MaximumLength(100).OverridePropertyName("interpreter.dialect").When(x => x.Interpreter is not null);
        RuleFor(x => x.Interpreter!.Notes).MaximumLength(1000).OverridePropertyName("interpreter.notes").When(x => x.Interpreter is not null);
    }
}

internal sealed class ChangeAppointmentDetailsHandler(
    AppointmentsDbContext db,
    ICurrentUser user,
    IOfficeDirectory offices,
    OfficeRules rules,
    ClientLookup clients,
    ReminderPlanner reminders,
    IAuditTrail audit,
    TimeProvider time)
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

        // Clients only through the Clients module's directory: of this office, not anonymised. Those already taking part
        // are kept as they are (one anonymised since stays as the bare row that counts).
        List<(Guid Id, string PseudonymCode)>? participants = null;
        if (command.ClientIds is { } clientIds)
        {
            participants = [];
            foreach (var client in clientIds.Distinct())
            {
                var known = appointment.Clients.FirstOrDefault(c => c.ClientId == client);
                if (known is not null)
                {
                    participants.Add((client, known.PseudonymCode));
                    continue;
                }

                var summary = await clients.SummaryAsync(office, client, cancellationToken);
                if (summary is null || summary.IsAnonymised)
                {
                    return Error.Validation("clientIds", "Unknown client.");
                }

                participants.Add((client, summary.PseudonymCode));
            }
        }

        var interpreter = command.RemoveInterpreter ? null : command.Interpreter?.ToRequirement();
        var changesInterpreter = command.RemoveInterpreter || command.Interpreter is not null;
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

        var now = time.GetUtcNow();
        foreach (var item in changing)
        {
            var before = item.Interpreter;
            var changed = item.ChangeDetails(
                Codes.KindFrom(command.Kind)!.Value, Codes.PlaceFrom(command.PlaceKind)!.Value, command.PlaceText ?? "", roomId, command.Topic,
                command.DocumentsToBring);
            var staffed = changed.IsSuccess ? item.ChangeWorkers(workers) : changed;
            if (!staffed.IsSuccess)
            {
                return staffed.Error;
            }

            Result<ClientChanges> joinedAndLeft = participants is null ? ClientChanges.None : item.ChangeClients(participants);
            if (!joinedAndLeft.IsSuccess)
            {
                return joinedAndLeft.Error;
            }

            Result<InterpreterNeedChange> need = changesInterpreter ? item.ChangeInterpreter(interpreter) : InterpreterNeedChange.None;
            if (!need.IsSuccess)
            {
                return need.Error;
            }

            // The place is part of the reminder text: reminders still to come carry the new one. Clients who joined get
            // theirs planned; those who left lose the ones still to come.
            await reminders.ClientsLeftAsync(item, joinedAndLeft.Value.Removed, settings, cancellationToken);
            await reminders.PlanAsync(item, settings, cancellationToken);
            var snapshot = item.Snapshot();
            if (joinedAndLeft.Value.Any)
            {
                db.Enqueue(new AppointmentClientsChanged(Guid.CreateVersion7(), now, snapshot, joinedAndLeft.Value.Added, joinedAndLeft.Value.Removed));
            }

            if (need.Value != InterpreterNeedChange.None)
            {
                db.Enqueue(new AppointmentInterpreterNeedChanged(Guid.CreateVersion7(), now, snapshot, before?.ToNeed()));
            }

            await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Update, nameof(Appointment), item.Id.ToString(),
                Details: Describe(joinedAndLeft.Value, need.Value)), cancellationToken);
        }

        return command.Version + 1;
    }

    /// <summary>What the audit trail says of the change: counts and kinds, never who.</summary>
    private static string Describe(ClientChanges clients, InterpreterNeedChange need)
    {
        var parts = new List<string> { "details changed" };
        if (clients.Any)
        {
            parts.Add($"clients +{clients.Added.Count} -{clients.Removed.Count}");
        }

        if (need != InterpreterNeedChange.None)
        {
            parts.Add("interpreter need " + need.ToString().ToLowerInvariant());
        }

        return string.Join("; ", parts);
    }
}
