using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.InterpreterBooking.Contracts;

/// <summary>An interpreter accepted (or was assigned) a request; <paramref name="AppointmentId"/> is set when the request came from an appointment.</summary>
public sealed record InterpreterBooked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    Guid RequestId,
    Guid? AppointmentId,
    UserId InterpreterId,
    string InterpreterDisplayName) : IIntegrationEvent;

/// <summary>Nobody accepted a request by its deadline; <paramref name="Suggestion"/> says what to try instead (e.g. phone or video interpreting).</summary>
public sealed record InterpreterUnavailable(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    Guid RequestId,
    Guid? AppointmentId,
    string Suggestion) : IIntegrationEvent;

/// <summary>A booking ended before the job: cancelled with its appointment, withdrawn by the office, or the interpreter no longer confirmed.</summary>
public sealed record InterpreterBookingCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    Guid RequestId,
    Guid? AppointmentId,
    UserId InterpreterId,
    string Reason) : IIntegrationEvent;
