using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Appointments.Contracts;

/// <summary>
/// What other modules may ask about a client's appointments (the case file shows it): counts and the next date, never
/// topics. Always for one office given explicitly; a client of another office reads as all zero.
/// </summary>
public interface IAppointmentAttendance
{
    /// <summary>The client's appointments counted by outcome, and the next open one.</summary>
    Task<ClientAttendance> GetAttendanceAsync(OfficeId office, Guid clientId, CancellationToken cancellationToken);
}

/// <summary>A client's appointments by outcome.</summary>
/// <param name="Upcoming">Planned or confirmed, not yet begun.</param>
/// <param name="Completed">Took place.</param>
/// <param name="NoShows">The client did not come (counted per client: in a group, only those who stayed away).</param>
/// <param name="Cancelled">Called off by the client or the office.</param>
/// <param name="NextStart">Start of the next open appointment (UTC instant), if any.</param>
public sealed record ClientAttendance(int Upcoming, int Completed, int NoShows, int Cancelled, DateTimeOffset? NextStart);
