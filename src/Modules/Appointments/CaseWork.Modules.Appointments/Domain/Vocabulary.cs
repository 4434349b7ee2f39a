namespace CaseWork.Modules.Appointments.Domain;

/// <summary>What an appointment is for (codes as in the Contracts snapshot).</summary>
internal enum AppointmentKind
{
    Counselling = 0,
    Accompaniment = 1,
    HomeVisit = 2,
    Outreach = 3,
    Group = 4,
}

/// <summary>Where an appointment happens.</summary>
internal enum PlaceKind
{
    OfficeRoom = 0,
    Address = 1,
    SharedHousing = 2,
    Phone = 3,
    Video = 4,
}

/// <summary>Planned → confirmed → completed | no-show | cancelled.</summary>
internal enum AppointmentStatus
{
    Planned = 0,
    Confirmed = 1,
    Completed = 2,
    NoShow = 3,
    Cancelled = 4,
}

/// <summary>Who called an appointment off.</summary>
internal enum CancelledBy
{
    Client = 0,
    Office = 1,
}

/// <summary>How far the interpreter for an appointment is arranged (fed by the InterpreterBooking module's events).</summary>
internal enum InterpreterStatus
{
    NotNeeded = 0,
    Requested = 1,
    Booked = 2,
    Unavailable = 3,
}

/// <summary>Codes shared with other modules and the API.</summary>
internal static class Codes
{
    public static string Of(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Counselling => "counselling",
        AppointmentKind.Accompaniment => "accompaniment",
        AppointmentKind.HomeVisit => "home_visit",
        AppointmentKind.Outreach => "outreach",
        AppointmentKind.Group => "group",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(PlaceKind kind) => kind switch
    {
        PlaceKind.OfficeRoom => "office_room",
        PlaceKind.Address => "address",
        PlaceKind.SharedHousing => "shared_housing",
        PlaceKind.Phone => "phone",
        PlaceKind.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static AppointmentKind? KindFrom(string? code) =>
        Enum.GetValues<AppointmentKind>().Cast<AppointmentKind?>().FirstOrDefault(k => Of(k!.Value) == code);

    public static PlaceKind? PlaceFrom(string? code) =>
        Enum.GetValues<PlaceKind>().Cast<PlaceKind?>().FirstOrDefault(k => Of(k!.Value) == code);
}
