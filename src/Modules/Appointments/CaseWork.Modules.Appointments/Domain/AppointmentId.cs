using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>Identifies an appointment; also the stable iCalendar UID.</summary>
internal readonly record struct AppointmentId(Guid Value) : IStronglyTypedId<AppointmentId>
{
    public static AppointmentId From(Guid value) => new(value);

    public static AppointmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
