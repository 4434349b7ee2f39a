using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>
/// An office's rules for interpreter requests; an office without its own row uses <see cref="Default"/>. Coordinators change
/// it on the settings page (ADR 0036); <see cref="Version"/> guards against overwriting another save.
/// </summary>
internal sealed class BookingPolicy : IOfficeScoped, IVersioned
{
    public const string DefaultTimeZone = "Europe/Berlin";

    private BookingPolicy()
    {
    }

    public BookingPolicy(OfficeId officeId) => OfficeId = officeId;

    public OfficeId OfficeId { get; private set; }

    /// <summary>Requests starting fewer working days ahead are urgent.</summary>
    public int NoticeWorkingDays { get; set; } = 4;

    /// <summary>How many interpreters one tier of offers goes to.</summary>
    public int TierSize { get; set; } = 3;

    /// <summary>How long a tier waits for an accept before the next tier is asked.</summary>
    public int TierWindowMinutes { get; set; } = 120;

    /// <summary>The shorter window for urgent requests.</summary>
    public int UrgentTierWindowMinutes { get; set; } = 30;

    /// <summary>Travel time kept free around in-person jobs.</summary>
    public int TravelBufferMinutes { get; set; } = 30;

    /// <summary>Cancellations this close to the start are billable.</summary>
    public int LateCancellationHours { get; set; } = 24;

    /// <summary>The request is given up this long before the start, if nobody accepted.</summary>
    public int FillDeadlineHoursBeforeStart { get; set; } = 24;

    /// <summary>How long after a job the interpreter may still see its details.</summary>
    public int DetailAccessDays { get; set; } = 14;

    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>
    /// The district the office lies in: in-person requests from appointments in an office room (or at a place whose text
    /// names no district) are matched by this area (ADR 0036). Empty: such requests match every district.
    /// </summary>
    public string? DefaultDistrict { get; set; }

    public int Version { get; private set; }

    public static BookingPolicy Default(OfficeId office) => new(office);

    private TimeZoneInfo? _zone;

    /// <summary>The office's time zone, looked up once per policy read (matching asks it for every candidate's bookings).</summary>
    public TimeZoneInfo Zone => _zone is { } zone && zone.Id == TimeZone ? zone : _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public TimeSpan TravelBuffer => TimeSpan.FromMinutes(TravelBufferMinutes);

    public TimeSpan TierWindow(bool urgent) => TimeSpan.FromMinutes(urgent ? UrgentTierWindowMinutes : TierWindowMinutes);

    /// <summary>Whether a job starting at <paramref name="start"/> is inside the notice period, counted in office-local working days (Monday to Friday).</summary>
    public bool IsUrgent(DateTimeOffset now, DateTimeOffset start) =>
        WorkingDaysBetween(LocalDay(now), LocalDay(start)) < NoticeWorkingDays;

    /// <summary>When an unfilled request is given up: the configured hours before the start, but never before one tier had its window.</summary>
    public DateTimeOffset FillDeadline(DateTimeOffset now, DateTimeOffset start, bool urgent)
    {
        var deadline = start - TimeSpan.FromHours(FillDeadlineHoursBeforeStart);
        var earliest = now + TierWindow(urgent);
        if (deadline < earliest)
        {
            deadline = earliest < start ? earliest : start;
        }

        return deadline.ToUniversalTime();
    }

    public bool IsLateCancellation(DateTimeOffset now, DateTimeOffset start) =>
        now > start - TimeSpan.FromHours(LateCancellationHours);

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }
}
