using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Referrals.Domain.Directory;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence;

/// <summary>A small Berlin-ish partner directory for the demo office (invented addresses and mail domains).</summary>
internal static class DemoDirectory
{
    public static async Task SeedAsync(ReferralsDbContext db, OfficeId office, CancellationToken cancellationToken)
    {
        void Add(string organisation, string email, string location, string street, string postalCode, string byDay, TimeOnly opens, TimeOnly closes, ServiceDescription service)
        {
            var org = new Organisation(Guid.CreateVersion7(), office, organisation, null, email, null, null);
            var place = org.AddLocation(new Location(Guid.CreateVersion7(), org.Id, location, false, street, postalCode, "Berlin", "Stufenloser Zugang"));
            place.AddOpeningHours(new OpeningHours(Guid.CreateVersion7(), place.Id, "WEEKLY", byDay, opens, closes, null));
            var offered = new PartnerService(Guid.CreateVersion7(), office, org.Id, service);
            offered.OfferAt(place.Id);
            db.Organisations.Add(org);
            db.Services.Add(offered);
        }

        Add("Jobcenter Berlin Mitte", "team-migration@jobcenter-mitte.invalid", "Standort Seydelstraße", "Seydelstraße 2", "10117", "MO,TU,WE,TH,FR", new(8, 0), new(12, 30),
            new("Leistungen nach SGB II", ServiceTypes.JobCentre, true, "Bürgergeld, Arbeitsvermittlung", null, ["de", "en"], "kostenlos", "Ausweis, Mietvertrag, Kontoauszüge", "Termin online oder telefonisch", 10, true, null));
        Add("Landesamt für Einwanderung (LEA)", "service@lea-demo.invalid", "Friedrich-Krause-Ufer", "Friedrich-Krause-Ufer 24", "13353", "MO,TU,TH", new(7, 0), new(14, 0),
            new("Aufenthaltstitel", ServiceTypes.ImmigrationOffice, true, "Verlängerung und Erteilung von Aufenthaltstiteln", null, ["de", "en"], "Gebühren nach AufenthV", "Pass, biometrisches Foto", "Nur mit Termin", 42, true, null));
        Add("Schuldnerberatung der Diakonie Mitte", "beratung@schuldner-diakonie-demo.invalid", "Beratungsstelle Gesundbrunnen", "Badstraße 10", "13357", "MO,TU,TH", new(9, 0), new(13, 0),
            new("Schuldner- und Insolvenzberatung", ServiceTypes.DebtCounselling, false, "Überblick über Schulden, P-Konto, Verhandlung mit Gläubigern", "Wohnsitz in Berlin-Mitte", ["de", "ar", "tr"], "kostenlos", "Mahnungen, Kontoauszüge", "Telefonisch anmelden", 21, true, null));
        Add("Migrationsberatung für Erwachsene (MBE) Moabit", "mbe@moabit-demo.invalid", "Turmstraße", "Turmstraße 21", "10559", "TU,WE,TH", new(10, 0), new(16, 0),
            new("Migrationsberatung", ServiceTypes.MigrationCounselling, false, "Beratung zu Aufenthalt, Integrationskurs, Familiennachzug", "ab 27 Jahren", ["de", "ar", "fa", "prs", "uk", "ru"], "kostenlos", null, "Offene Sprechstunde", 7, true, null));
        Add("Zentrum ÜBERLEBEN (Demo)", "aufnahme@ueberleben-demo.invalid", "Turmstraße 21, Haus K", "Turmstraße 21", "10559", "MO,WE", new(9, 0), new(15, 0),
            new("Psychosoziale Beratung für Geflüchtete", ServiceTypes.PsychosocialCentre, false, "Traumaberatung und Psychotherapie mit Sprachmittlung", null, ["de", "ar", "fa", "kmr", "ckb"], "kostenlos", null, "Aufnahme über Fachstellen", 90, false, null));
        Add("Volkshochschule Mitte", "kurse@vhs-mitte-demo.invalid", "Antonstraße", "Antonstraße 37", "13347", "MO,TU,WE,TH,FR", new(8, 30), new(18, 0),
            new("Integrationskurs Deutsch", ServiceTypes.LanguageCourse, false, "Integrationskurse A1–B1, auch mit Kinderbetreuung", "Berechtigungsschein des BAMF", ["de"], "kostenlos mit Berechtigung", "Berechtigungsschein", "Einstufungstest", 30, true, null));
        Add("Wohnungsnotfallhilfe Mitte", "hilfe@wohnen-mitte-demo.invalid", "Soziale Wohnhilfe", "Karl-Marx-Allee 31", "10178", "MO,TU,TH", new(9, 0), new(12, 0),
            new("Hilfe bei drohendem Wohnungsverlust", ServiceTypes.HousingHelp, true, "Mietschulden, Räumungsklage, Unterbringung", null, ["de", "en"], "kostenlos", "Kündigung, Mietvertrag", "Offene Sprechstunde", 3, true, null));
        await db.SaveChangesAsync(cancellationToken);
    }
}
