using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Attendance;

/// <summary>
/// The Contracts answer to "how did this client's appointments go": counts per outcome from the client rows (a no-show is
/// counted on the client row, so a group where one person stayed away counts only them). Filters by the office named
/// explicitly, since the Clients module asks for its own user.
/// </summary>
internal sealed class AppointmentAttendance(AppointmentsDbContext db, TimeProvider time) : IAppointmentAttendance
{
    public async Task<ClientAttendance> GetAttendanceAsync(OfficeId office, Guid clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OfficeId == office)
            .SelectMany(a => a.Clients.Where(c => c.ClientId == clientId), (a, c) => new { a.Status, a.Start, c.NoShow })
            .ToListAsync(cancellationToken);
        var upcoming = rows.Where(r => r.Status is AppointmentStatus.Planned or AppointmentStatus.Confirmed && r.Start > now).ToList();
        return new ClientAttendance(
            upcoming.Count,
            rows.Count(r => r.Status == AppointmentStatus.Completed),
            rows.Count(r => r.NoShow),
            rows.Count(r => r.Status == AppointmentStatus.Cancelled),
            upcoming.Count == 0 ? null : upcoming.Min(r => r.Start));
    }
}
