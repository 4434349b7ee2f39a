namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>Dates as the office sees them: days, weeks and deadlines are local to the office's time zone (Europe/Berlin).</summary>
internal static class OfficeCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone).DateTime);
    }

    /// <summary>Monday to Sunday of the week containing <paramref name="day"/>.</summary>
    public static (DateOnly Monday, DateOnly Sunday) WeekOf(DateOnly day)
    {
        var offset = ((int)day.DayOfWeek + 6) % 7;
        var monday = day.AddDays(-offset);
        return (monday, monday.AddDays(6));
    }
}
