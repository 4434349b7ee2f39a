using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.DayAhead;

/// <summary>Each morning: one message per worker listing their open appointments of the (office-local) day. Returns how many were planned.</summary>
internal sealed record PlanDayAheadMessages : ICommand<int>;

/// <summary>
/// Plans the day-ahead messages as reminder rows due now, so the sweep sends them once with the same lease, retries and
/// states as every other reminder (ADR 0022). A row per worker and day (offset code <c>day:yyyy-MM-dd</c>) makes a second run
/// on the same day — a restart, a second instance — plan nothing new. Two runs at the same moment both find nothing planned;
/// the unique index lets only one of them insert, and the other plans again from what is there now.
/// </summary>
internal sealed class PlanDayAheadMessagesHandler(AppointmentsDbContext db, OfficeRules rules, TimeProvider time)
    : ICommandHandler<PlanDayAheadMessages, int>
{
    public async Task<Result<int>> Handle(PlanDayAheadMessages command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // System path over all offices; each office's own day in its own time zone. Two days ahead covers every zone's "today".
        var offices = await db.Appointments.IgnoreQueryFilters()
            .Where(a => a.Start > now - Appointment.LongestDuration && a.Start < now.AddDays(2)
                        && (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed))
            .Select(a => a.OfficeId).Distinct().ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var office in offices)
        {
            planned += await PlanAndSaveOfficeAsync(office, now, cancellationToken);
        }

        return planned;
    }

    // Saved office by office, so one office's lost race does not undo what was planned for the others.
    private async Task<int> PlanAndSaveOfficeAsync(OfficeId office, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var planned = await PlanOfficeAsync(office, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return planned;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another run planned some of these workers' messages in the meantime: plan again, without them.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> PlanOfficeAsync(OfficeId office, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await rules.ForAsync(office, cancellationToken);
        var clock = settings.Clock;
        var day = DateOnly.FromDateTime(clock.ToLocal(now));
        var from = clock.ToInstant(day.ToDateTime(TimeOnly.MinValue));
        var until = clock.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var appointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(a => a.Workers).Include(a => a.Clients)
            .Where(a => a.OfficeId == office && a.Start >= from && a.Start < until
                        && (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.Start).ToListAsync(cancellationToken);
        if (appointments.Count == 0)
        {
            return 0;
        }

        var code = "day:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var alreadyPlanned = await db.Reminders.IgnoreQueryFilters()
            .Where(r => r.OfficeId == office && r.Purpose == ReminderPurpose.DayAhead && r.OffsetCode == code && r.WorkerId != null)
            .Select(r => r.WorkerId!.Value).ToListAsync(cancellationToken);
        var rooms = await db.Rooms.IgnoreQueryFilters().AsNoTracking().Where(r => r.OfficeId == office).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var planned = 0;
        foreach (var worker in appointments.SelectMany(a => a.Workers).Select(w => w.WorkerId).Distinct().Except(alreadyPlanned))
        {
            var own = appointments.Where(a => a.Workers.Any(w => w.WorkerId == worker)).ToList();
            var lines = own.Select(a => new DayAheadLine(
                clock.ToLocal(a.Start), clock.ToLocal(a.End), KindName(a.Kind),
                a.RoomId is { } room && rooms.TryGetValue(room, out var name) ? name : PlaceName(a.PlaceKind, a.PlaceText),
                [.. a.Clients.Where(c => c.ClientId is not null).Select(c => c.PseudonymCode)],
                a.InterpreterLanguage is not null && a.InterpreterStatus != InterpreterStatus.Booked ? a.InterpreterLanguage : null,
                a.DocumentsToBring is not null)).ToList();
            db.Reminders.Add(Reminder.Plan(office, own[0].Id, ReminderPurpose.DayAhead, code, null, worker, ReminderChannel.Email, "", "de",
                ReminderTexts.DayAhead(day, lines), ReminderTiming.At(now), null));
            planned++;
        }

        return planned;
    }

    private static string KindName(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Counselling => "Beratung",
        AppointmentKind.Accompaniment => "Begleitung",
        AppointmentKind.HomeVisit => "Hausbesuch",
        AppointmentKind.Outreach => "Aufsuchende Arbeit",
        AppointmentKind.Group => "Gruppe",
        _ => kind.ToString(),
    };

    private static string PlaceName(PlaceKind kind, string text) => kind switch
    {
        PlaceKind.Phone => "Telefon",
        PlaceKind.Video => "Video",
        PlaceKind.SharedHousing => string.IsNullOrWhiteSpace(text) ? "Gemeinschaftsunterkunft" : text,
        _ => string.IsNullOrWhiteSpace(text) ? "Büro" : text,
    };
}
