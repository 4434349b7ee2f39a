using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Clients.Infrastructure.Demo;

/// <summary>
/// A handful of case files for the demo office, so a newcomer's first look shows what the module does: names in
/// Arabic, Persian and Cyrillic script, one person registered twice in different spellings (search flags it), needs,
/// a goal due this week, a deadline coming up and a consent. Written through the domain, not the use cases: at
/// start-up there is no signed-in streetworker for the use cases' access rules.
/// </summary>
internal static class ClientsDemoData
{
    public static async Task SeedAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ClientsDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var today = OfficeCalendar.Today(time);
        var worker = office.Users.TryGetValue(Roles.Streetworker, out var streetworker) ? streetworker.Id : (BuildingBlocks.Ids.UserId?)null;

        Client Person(string given, string family, string? givenLatin, string? familyLatin, DateOfBirth born, StatedGender gender, string nationality,
            string language, string? dialect, bool interpreter, ResidenceStatusKind residence, DateOnly? residenceUntil, HousingSituation housing,
            string? phone = null, ReminderChannelKind reminder = ReminderChannelKind.None)
        {
            var details = new ClientDetails(
                given, family, givenLatin, familyLatin, [], born, gender, [nationality],
                [new LanguageSkill(language, LanguageLevel.Native, dialect), new LanguageSkill("de", LanguageLevel.Basic, null)],
                language,
                interpreter ? new InterpreterPreferences(true, language, dialect, StatedGender.NotStated, []) : InterpreterPreferences.None,
                phone is null ? [] : [new ContactChannel(ContactChannelKind.Phone, phone, null)],
                phone is null ? ReminderChannelKind.None : reminder,
                residence, residenceUntil, housing, []);
            var client = Client.Register(office.OfficeId, details, now.AddDays(-40), PseudonymCode.New());
            db.Clients.Add(client);
            db.CaseFiles.Add(CaseFile.Open(client, today.AddDays(-40), worker));
            return client;
        }

        var mohammad = Person("محمد", "الحسن", "Mohammad", "Al-Hassan", DateOfBirth.YearOnly(1994), StatedGender.Male, "SY", "ar", "Levantine", true,
            ResidenceStatusKind.PermissionToStay, today.AddDays(21), HousingSituation.SharedHousing, "+49 151 2345678", ReminderChannelKind.Sms);
        Person("Muhammad", "Alhasan", null, null, DateOfBirth.Full(new DateOnly(1994, 3, 12)), StatedGender.Male, "SY", "ar", null, true,
            ResidenceStatusKind.PermissionToStay, null, HousingSituation.SharedHousing);
        var fatima = Person("فاطمه", "احمدی", "Fatima", "Ahmadi", DateOfBirth.Full(new DateOnly(1988, 7, 2)), StatedGender.Female, "AF", "prs", null, true,
            ResidenceStatusKind.ResidencePermit, today.AddDays(200), HousingSituation.OwnFlat, "+49 160 9876543", ReminderChannelKind.Sms);
        var oleksandr = Person("Олександр", "Коваленко", "Oleksandr", "Kovalenko", DateOfBirth.Full(new DateOnly(1979, 11, 23)), StatedGender.Male, "UA", "uk", null, false,
            ResidenceStatusKind.TemporaryProtection, today.AddDays(95), HousingSituation.WithFamilyOrFriends);
        Person("Ionuț", "Popescu", "Ionut", "Popescu", DateOfBirth.Unknown, StatedGender.Male, "RO", "ro", null, false,
            ResidenceStatusKind.EuFreedomOfMovement, null, HousingSituation.Homeless);
        Person("Десислава", "Петрова", "Desislava", "Petrova", DateOfBirth.YearOnly(2001), StatedGender.Female, "BG", "bg", null, true,
            ResidenceStatusKind.EuFreedomOfMovement, null, HousingSituation.EmergencyShelter);

        db.Notes.Add(CaseNote.Write(mohammad, NoteType.OutreachContact, now.AddDays(-40), 20, [NeedAreas.Housing], "Erstkontakt in der Gemeinschaftsunterkunft, Sprachmittlung über den Bruder.", worker, now.AddDays(-40)));
        db.Notes.Add(CaseNote.Write(mohammad, NoteType.Conversation, now.AddDays(-12), 45, [NeedAreas.ResidenceStatus, NeedAreas.Debts], "Gespräch mit Sprachmittlerin: Aufenthaltsgestattung läuft bald ab, Mahnung vom Mobilfunkanbieter.", worker, now.AddDays(-12)));
        db.Notes.Add(CaseNote.Write(mohammad, NoteType.Accompaniment, now.AddDays(-3), 120, [NeedAreas.ResidenceStatus], "Begleitung zur Ausländerbehörde, Verlängerung beantragt.", worker, now.AddDays(-3)));
        var residenceNeed = Need.Record(mohammad, NeedAreas.ResidenceStatus, "Verlängerung der Aufenthaltsgestattung", today.AddDays(-12));
        var debtNeed = Need.Record(mohammad, NeedAreas.Debts, "Mahnungen Mobilfunkvertrag", today.AddDays(-12));
        db.Needs.AddRange(residenceNeed, debtNeed);
        db.Goals.Add(Goal.Agree(mohammad, "Unterlagen für die Schuldnerberatung sammeln", ["Mahnungen mitbringen", "Kontoauszüge der letzten 3 Monate"], today, debtNeed.Id, today.AddDays(-12), worker));
        db.ImportantDates.Add(ImportantDate.Note(mohammad, ImportantDateKind.ResidencePermitExpiry, today.AddDays(21), "Aufenthaltsgestattung"));
        db.Consents.Add(Consent.Grant(mohammad, new ConsentRecipient("Schuldnerberatung der Diakonie Mitte", null), "debt_counselling",
            "Weitervermittlung wegen Mahnungen", [ConsentDataCategories.Identity, ConsentDataCategories.ContactDetails, ConsentDataCategories.Finances],
            today.AddDays(-12), "ar", true, ConsentForm.Written, today.AddYears(1), now.AddDays(-12)));

        db.Notes.Add(CaseNote.Write(fatima, NoteType.Conversation, now.AddDays(-20), 60, [NeedAreas.SchoolAndChildcare], "Sucht einen Kitaplatz für die Tochter (3 Jahre).", worker, now.AddDays(-20)));
        db.Needs.Add(Need.Record(fatima, NeedAreas.SchoolAndChildcare, "Kitaplatz", today.AddDays(-20)));
        db.ImportantDates.Add(ImportantDate.Note(fatima, ImportantDateKind.AppointmentAtAuthority, today.AddDays(9), "Jugendamt, Kita-Gutschein"));

        db.Notes.Add(CaseNote.Write(oleksandr, NoteType.PhoneCall, now.AddDays(-5), 15, [NeedAreas.WorkAndTraining], "Fragt nach Anerkennung seines Berufsabschlusses (Elektriker).", worker, now.AddDays(-5)));
        db.Needs.Add(Need.Record(oleksandr, NeedAreas.WorkAndTraining, "Anerkennung Berufsabschluss", today.AddDays(-5)));
        db.Goals.Add(Goal.Agree(oleksandr, "Termin bei der Anerkennungsberatung", ["Zeugnisse übersetzen lassen"], today.AddDays(5), null, today.AddDays(-5), worker));

        await db.SaveChangesAsync(cancellationToken);
    }
}
