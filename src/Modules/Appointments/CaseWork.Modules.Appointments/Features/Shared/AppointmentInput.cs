using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>An interpreter need as the API and the form take it.</summary>
internal sealed record InterpreterInput(string Language, string? Dialect, string? Modality, string? Notes)
{
    public InterpreterRequirement ToRequirement() => new(
        Language.ToLowerInvariant(),
        string.IsNullOrWhiteSpace(Dialect) ? null : Dialect.Trim(),
        Enum.TryParse<InterpretingModality>(Modality?.Replace("_", "", StringComparison.Ordinal), true, out var modality) ? modality : InterpretingModality.InPerson,
        string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim());
}

internal static class InputRules
{
    public static readonly string[] Modalities = ["in_person", "phone", "video"];

    public static void ApplyInterpreterRules<T>(AbstractValidator<T> validator, Func<T, InterpreterInput?> interpreter)
    {
        validator.RuleFor(x => interpreter(x)!.Language)
            .Must(LanguageCatalog.IsKnown).WithMessage("Unknown language.").OverridePropertyName("interpreter.language")
            .When(x => interpreter(x) is not null);
        validator.RuleFor(x => interpreter(x)!.Modality)
            .Must(m => m is null || Modalities.Contains(m)).WithMessage("Modality is in_person, phone or video.").OverridePropertyName("interpreter.modality")
            .When(x => interpreter(x) is not null);
    }

    public static bool IsKnownZone(string? zone) => zone is null || OfficeClock.TryFind(zone, out _);

    /// <summary>The clock for the request: its zone if named, else the office's.</summary>
    public static OfficeClock ClockFor(string? zone, OfficeSettings settings) =>
        zone is not null && OfficeClock.TryFind(zone, out var clock) ? clock : settings.Clock;

    /// <summary>Open appointments of the office that overlap the time, with their workers, for the conflict check.</summary>
    public static async Task<IReadOnlyList<BookedSlot>> BookedAsync(AppointmentsDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var earliest = start - Appointment.LongestDuration;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed) && a.Start > earliest && a.Start < end && a.End > start)
            .Select(a => new { a.Id, a.Start, a.End, a.RoomId, Workers = a.Workers.Select(w => w.WorkerId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BookedSlot(r.Id, r.Start, r.End, r.RoomId, r.Workers))];
    }

    public static Error RoomTaken() => Error.Conflict("room-taken", "The room is already booked at that time.");

    public static Error ConfirmWarnings(IEnumerable<string> warnings) =>
        Error.Conflict("confirm-warnings", "Confirm the warnings to go ahead: " + string.Join(", ", warnings.Distinct()));

    public static Error NotFound() => Error.NotFound("appointment-not-found", "The appointment does not exist.");

    public static async Task<Result<Unit>> CheckRoomAsync(AppointmentsDbContext db, Guid? roomId, CancellationToken cancellationToken) =>
        roomId is null || await db.Rooms.AnyAsync(r => r.Id == roomId && r.Active, cancellationToken)
            ? Unit.Value
            : Error.Validation("roomId", "Unknown room.");

    public static async Task<Result<Unit>> CheckWorkersAsync(CaseWork.BuildingBlocks.Identity.IOfficeDirectory offices, OfficeId office, IEnumerable<Guid> workers, CancellationToken cancellationToken)
    {
        foreach (var worker in workers.Distinct())
        {
            var user = await offices.GetUserAsync(new UserId(worker), cancellationToken);
            if (user is null || user.OfficeId != office || !(user.Roles.Contains(CaseWork.BuildingBlocks.Identity.Roles.Streetworker) || user.Roles.Contains(CaseWork.BuildingBlocks.Identity.Roles.Supervisor)))
            {
                return Error.Validation("workerIds", "Unknown worker.");
            }
        }

        return Unit.Value;
    }
}

/// <summary>What an appointment is and where: planned (<c>ScheduleAppointment</c>) or changed (<c>ChangeAppointmentDetails</c>).</summary>
internal interface IWhatAndWhere
{
    string Kind { get; }

    string PlaceKind { get; }

    string? PlaceText { get; }

    Guid? RoomId { get; }

    string? Topic { get; }

    string? DocumentsToBring { get; }
}

/// <summary>The rules for <see cref="IWhatAndWhere"/>, the same when planning and when changing.</summary>
internal abstract class WhatAndWhereValidator<T> : AbstractValidator<T>
    where T : IWhatAndWhere
{
    protected WhatAndWhereValidator()
    {
        RuleFor(x => x.Kind).Must(k => Codes.KindFrom(k) is not null).WithMessage("Unknown kind of appointment.");
        RuleFor(x => x.PlaceKind).Must(k => Codes.PlaceFrom(k) is not null).WithMessage("Unknown kind of place.");
        RuleFor(x => x.PlaceText).MaximumLength(500);
        RuleFor(x => x.PlaceText).NotEmpty().WithMessage("Say where.")
            .When(x => x.PlaceKind is "address" or "shared_housing" && x.RoomId is null);
        RuleFor(x => x.Topic).MaximumLength(2000);
        RuleFor(x => x.DocumentsToBring).MaximumLength(1000);
    }
}
