using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.InterpreterBooking.Domain;

namespace CaseWork.Modules.InterpreterBooking.Tests.Domain;

internal static class DomainFixtures
{
    public static readonly OfficeId Office = OfficeId.New();

    /// <summary>Monday 23 November 2026, 08:00 UTC (09:00 in Berlin).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static BookingPolicy Policy() => BookingPolicy.Default(Office);

    public static InterpreterProfile Interpreter(
        string name,
        Qualification qualification = Qualification.TrainedCommunityInterpreter,
        string language = "ar",
        string[]? dialects = null,
        string? gender = "female",
        DateTimeOffset? lastAssigned = null)
    {
        var profile = new InterpreterProfile(UserId.New(), name)
        {
            Gender = gender,
            Languages = [new LanguageSkill(language, dialects ?? ["Levantine"], qualification)],
        };
        if (lastAssigned is not null)
        {
            typeof(InterpreterProfile).GetProperty(nameof(InterpreterProfile.LastAssignedAt))!.SetValue(profile, lastAssigned);
        }

        return profile;
    }

    public static InterpreterRequest Request(
        DateTimeOffset start,
        DateTimeOffset now,
        Modality modality = Modality.InPerson,
        string language = "ar",
        string? dialect = "Levantine",
        string? gender = null,
        string? district = null,
        BookingPolicy? policy = null) =>
        InterpreterRequest.Create(
            Office, null, [Guid.NewGuid()], language, dialect, modality, start, start.AddHours(1), "Beratungsraum 2", district,
            SubjectArea.Health, gender, null, UserId.New(), null, policy ?? Policy(), now);

    public static MatchCandidate Free(InterpreterProfile profile) => new(profile, []);
}
