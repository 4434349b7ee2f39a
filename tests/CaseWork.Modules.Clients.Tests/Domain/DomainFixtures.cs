using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;

namespace CaseWork.Modules.Clients.Tests.Domain;

internal static class DomainFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static ClientDetails Details(string given = "محمد", string family = "الأحمد", string? givenLatin = "Mohammed", string? familyLatin = "Al-Ahmad") =>
        new(
            given,
            family,
            givenLatin,
            familyLatin,
            ["Muhammad Ahmad"],
            DateOfBirth.YearOnly(1994),
            StatedGender.Male,
            ["SY"],
            [new LanguageSkill("ar", LanguageLevel.Native, "levantine")],
            "ar",
            new InterpreterPreferences(true, "ar", "levantine", StatedGender.Male, [Guid.NewGuid()]),
            [new ContactChannel(ContactChannelKind.Phone, "+49 151 0000000", null)],
            ReminderChannelKind.Sms,
            ResidenceStatusKind.ResidencePermit,
            new DateOnly(2027, 3, 31),
            HousingSituation.SharedHousing,
            [new HouseholdMember(null, "Fatima", "spouse", 1996)]);

    public static Client NewClient(ClientDetails? details = null) =>
        Client.Register(OfficeId.New(), details ?? Details(), Now, PseudonymCode.New());
}
