using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>An office's appointment rules: reminder offsets, SMS quiet hours, office hours, the phone clients call.</summary>
internal sealed class OfficeSettings : IOfficeScoped, IVersioned
{
    private OfficeSettings()
    {
        Phone = "";
        ClientReminderOffsets = "";
        OpenDays = "";
        TimeZone = OfficeClock.DefaultZone;
    }

    public OfficeId OfficeId { get; private set; }

    /// <summary>The office's IANA time zone.</summary>
    public string TimeZone { get; private set; }

    public string Phone { get; private set; }

    /// <summary>Comma-separated offsets ("1d,2h"); see <see cref="ReminderOffset"/>.</summary>
    public string ClientReminderOffsets { get; private set; }

    public int QuietFromMinute { get; private set; }

    public int QuietUntilMinute { get; private set; }

    public int OpenFromMinute { get; private set; }

    public int OpenUntilMinute { get; private set; }

    /// <summary>ISO weekdays the office is open, e.g. "1,2,3,4,5".</summary>
    public string OpenDays { get; private set; }

    public int Version { get; private set; }

    public static OfficeSettings DefaultFor(OfficeId office, string? timeZone) => new()
    {
        OfficeId = office,
        TimeZone = OfficeClock.TryFind(timeZone, out _) ? timeZone! : OfficeClock.DefaultZone,
        Phone = "",
        ClientReminderOffsets = ReminderPolicy.Format(ReminderPolicy.Default.Offsets),
        QuietFromMinute = 20 * 60,
        QuietUntilMinute = 8 * 60,
        OpenFromMinute = 8 * 60,
        OpenUntilMinute = 18 * 60,
        OpenDays = "1,2,3,4,5",
    };

    public OfficeClock Clock => OfficeClock.TryFind(TimeZone, out var clock) ? clock : OfficeClock.Berlin;

    public ReminderPolicy ReminderPolicy =>
        new(ReminderPolicy.TryParseOffsets(ClientReminderOffsets, out var offsets) ? offsets : ReminderPolicy.Default.Offsets,
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(QuietFromMinute)),
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(QuietUntilMinute)));

    public OfficeHours OfficeHours => new(
        [.. OpenDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)(int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) % 7))],
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(OpenFromMinute)),
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(OpenUntilMinute)));

    public void Change(string timeZone, string phone, IReadOnlyList<ReminderOffset> offsets, TimeOnly quietFrom, TimeOnly quietUntil, OfficeHours hours)
    {
        TimeZone = timeZone;
        Phone = phone.Trim();
        ClientReminderOffsets = ReminderPolicy.Format(offsets);
        QuietFromMinute = (quietFrom.Hour * 60) + quietFrom.Minute;
        QuietUntilMinute = (quietUntil.Hour * 60) + quietUntil.Minute;
        OpenFromMinute = (hours.OpenFrom.Hour * 60) + hours.OpenFrom.Minute;
        OpenUntilMinute = (hours.OpenUntil.Hour * 60) + hours.OpenUntil.Minute;
        OpenDays = string.Join(",", hours.Days.Select(d => d == DayOfWeek.Sunday ? 7 : (int)d).Order());
    }
}

/// <summary>When the office is open (wall-clock).</summary>
internal sealed record OfficeHours(IReadOnlyList<DayOfWeek> Days, TimeOnly OpenFrom, TimeOnly OpenUntil)
{
    public bool Contains(DateTimeOffset start, DateTimeOffset end, OfficeClock clock)
    {
        var from = clock.ToLocal(start);
        var until = clock.ToLocal(end);
        return from.Date == until.Date
               && Days.Contains(from.DayOfWeek)
               && TimeOnly.FromDateTime(from) >= OpenFrom
               && TimeOnly.FromDateTime(until) <= OpenUntil;
    }
}

/// <summary>A room of the office that appointments can book.</summary>
internal sealed class Room : IOfficeScoped
{
    private Room()
    {
        Name = "";
    }

    public Room(OfficeId office, string name)
    {
        Id = Guid.CreateVersion7();
        OfficeId = office;
        Name = name.Trim();
        Active = true;
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public string Name { get; private set; }

    public bool Active { get; private set; }

    public void Rename(string name) => Name = name.Trim();

    public void Retire() => Active = false;
}
