using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.Appointments.Contracts;

/// <summary>How an interpreter takes part.</summary>
public enum InterpretingModality
{
    /// <summary>On site.</summary>
    InPerson = 0,

    /// <summary>By phone.</summary>
    Phone = 1,

    /// <summary>By video.</summary>
    Video = 2,
}

/// <summary>An appointment's need for an interpreter.</summary>
/// <param name="Language">Language code (<c>CaseWork.BuildingBlocks.Globalization.LanguageCatalog</c>).</param>
/// <param name="Dialect">Dialect, when it matters (e.g. "Levantine").</param>
/// <param name="Modality">In person, phone or video.</param>
/// <param name="PreferredGender">"female", "male" or null.</param>
/// <param name="Notes">Notes for the interpreter (no case details).</param>
public sealed record InterpreterNeed(string Language, string? Dialect, InterpretingModality Modality, string? PreferredGender, string? Notes);

/// <summary>Where an appointment takes place, as far as others may know it.</summary>
/// <param name="Kind">"office_room", "address", "shared_housing", "phone", "video".</param>
/// <param name="Description">Room name, address, or dial-in/link text.</param>
public sealed record AppointmentPlace(string Kind, string Description);

/// <summary>What other modules may know of an appointment: never its topic.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="OfficeId">Its office.</param>
/// <param name="ClientIds">Clients taking part (ids from the Clients module).</param>
/// <param name="WorkerIds">Workers of the office taking part.</param>
/// <param name="Start">Start (UTC instant).</param>
/// <param name="End">End (UTC instant).</param>
/// <param name="Kind">"counselling", "accompaniment", "home_visit", "outreach", "group".</param>
/// <param name="Place">Where.</param>
/// <param name="InterpreterNeed">The interpreter need, if any.</param>
public sealed record AppointmentSnapshot(
    Guid AppointmentId,
    OfficeId OfficeId,
    IReadOnlyList<Guid> ClientIds,
    IReadOnlyList<UserId> WorkerIds,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Kind,
    AppointmentPlace Place,
    InterpreterNeed? InterpreterNeed);

/// <summary>An appointment was planned.</summary>
public sealed record AppointmentScheduled(Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment) : IIntegrationEvent;

/// <summary>An appointment moved; the snapshot is the new state (an interpreter need changes with <see cref="AppointmentInterpreterNeedChanged"/>).</summary>
public sealed record AppointmentRescheduled(
    Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment, DateTimeOffset PreviousStart, DateTimeOffset PreviousEnd) : IIntegrationEvent;

/// <summary>An appointment was cancelled by the client or by the office.</summary>
public sealed record AppointmentCancelled(
    Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment, string CancelledBy, string? Reason) : IIntegrationEvent;

/// <summary>An appointment took place.</summary>
public sealed record AppointmentCompleted(Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment) : IIntegrationEvent;

/// <summary>A client did not come to an appointment.</summary>
public sealed record AppointmentNoShow(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, Guid AppointmentId, Guid ClientId) : IIntegrationEvent;


/// <summary>
/// An open appointment's interpreter need was set, changed or removed. <c>Appointment.InterpreterNeed</c> is the need from
/// now on (null: no interpreter needed any more); <paramref name="PreviousNeed"/> the one before (null: none was needed).
/// Another language, dialect or modality asks for another interpreter; changed notes alone do not.
/// </summary>
public sealed record AppointmentInterpreterNeedChanged(
    Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment, InterpreterNeed? PreviousNeed) : IIntegrationEvent;

/// <summary>Clients joined or left an open appointment; the snapshot's <c>ClientIds</c> are the clients from now on.</summary>
public sealed record AppointmentClientsChanged(
    Guid EventId, DateTimeOffset OccurredAt, AppointmentSnapshot Appointment, IReadOnlyList<Guid> AddedClientIds, IReadOnlyList<Guid> RemovedClientIds)
    : IIntegrationEvent;
