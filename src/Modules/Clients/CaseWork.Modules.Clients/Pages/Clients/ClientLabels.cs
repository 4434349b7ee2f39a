using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Shared;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>
/// German labels for the values the pages show and offer (the domain's enum names and the contract vocabularies).
/// German is the key; English comes from <c>Resources/ModuleText.en.resx</c>.
/// </summary>
internal static class ClientLabels
{
    public static IReadOnlyList<KeyValuePair<string, string>> Genders { get; } =
    [
        new("NotStated", "keine Angabe"), new("Female", "weiblich"), new("Male", "männlich"), new("Diverse", "divers"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> LanguageLevels { get; } =
    [
        new("Native", "Muttersprache"), new("Fluent", "fließend"), new("Basic", "Grundkenntnisse"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ReminderChannels { get; } =
    [
        new(nameof(ReminderChannelKind.None), "keine Erinnerung"), new(nameof(ReminderChannelKind.Sms), "SMS"),
        new(nameof(ReminderChannelKind.Email), "E-Mail"), new(nameof(ReminderChannelKind.Messenger), "Messenger (von Hand)"),
        new(nameof(ReminderChannelKind.ViaOffice), "über die Beratungsstelle / Unterkunft"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ResidenceStatuses { get; } =
    [
        new("Unknown", "unbekannt"), new("PermissionToStay", "Aufenthaltsgestattung"), new("Toleration", "Duldung"),
        new("ResidencePermit", "Aufenthaltserlaubnis"), new("SettlementPermit", "Niederlassungserlaubnis"),
        new("EuFreedomOfMovement", "EU-Freizügigkeit"), new("TemporaryProtection", "vorübergehender Schutz (§ 24 AufenthG)"),
        new("German", "deutsche Staatsangehörigkeit"), new("Other", "sonstiger"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> HousingSituations { get; } =
    [
        new("Unknown", "unbekannt"), new("SharedHousing", "Gemeinschaftsunterkunft"), new("OwnFlat", "eigene Wohnung"),
        new("WithFamilyOrFriends", "bei Familie / Bekannten"), new("EmergencyShelter", "Notunterkunft"),
        new("Homeless", "wohnungslos"), new("Other", "sonstige"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> NoteTypes { get; } =
    [
        new("Conversation", "Gespräch"), new("PhoneCall", "Telefonat"), new("HomeVisit", "Hausbesuch"),
        new("Accompaniment", "Begleitung zu einer Behörde"), new("OutreachContact", "aufsuchender Kontakt"),
        new("DocumentReceived", "Dokument erhalten"), new("Other", "sonstiges"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> NeedAreas { get; } =
    [
        new(Contracts.NeedAreas.Housing, "Wohnen"), new(Contracts.NeedAreas.Debts, "Schulden"),
        new(Contracts.NeedAreas.ResidenceStatus, "Aufenthaltsstatus"), new(Contracts.NeedAreas.WorkAndTraining, "Arbeit und Ausbildung"),
        new(Contracts.NeedAreas.Health, "Gesundheit"), new(Contracts.NeedAreas.Language, "Sprache"),
        new(Contracts.NeedAreas.SchoolAndChildcare, "Schule und Kinderbetreuung"), new(Contracts.NeedAreas.Family, "Familie"),
        new(Contracts.NeedAreas.Benefits, "Sozialleistungen"), new(Contracts.NeedAreas.Other, "sonstiges"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> NeedStatuses { get; } =
    [
        new("Open", "offen"), new("InProgress", "in Bearbeitung"), new("Resolved", "erledigt"), new("Referred", "weitervermittelt"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ImportantDateKinds { get; } =
    [
        new("ResidencePermitExpiry", "Ablauf Aufenthaltstitel"), new("CourtDate", "Gerichtstermin"),
        new("ObjectionDeadline", "Widerspruchsfrist"), new("AppointmentAtAuthority", "Termin bei einer Behörde"), new("Other", "sonstiges"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ConsentCategories { get; } =
    [
        new(ConsentDataCategories.Identity, "Personalien"), new(ConsentDataCategories.ContactDetails, "Kontaktdaten"),
        new(ConsentDataCategories.ResidenceStatus, "Aufenthaltsstatus"), new(ConsentDataCategories.Needs, "Bedarfe"),
        new(ConsentDataCategories.Finances, "Finanzen"), new(ConsentDataCategories.Health, "Gesundheit"),
        new(ConsentDataCategories.Family, "Familie"), new(ConsentDataCategories.CaseNotes, "Gesprächsnotizen"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> RecipientTypes { get; } =
    [
        new("job_centre", "Jobcenter"), new("immigration_office", "Ausländerbehörde"), new("debt_counselling", "Schuldnerberatung"),
        new("migration_counselling", "Migrationsberatung"), new("psychosocial_centre", "Psychosoziales Zentrum"),
        new("language_course", "Sprachkursträger"), new("housing_help", "Wohnungshilfe"), new("consumer_advice", "Verbraucherberatung"),
        new("doctor", "Ärztin / Arzt"), new("other", "sonstige Stelle"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ConsentForms { get; } =
    [
        new("Written", "schriftlich"), new("Oral", "mündlich"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ClosingReasons { get; } =
    [
        new("GoalsAchieved", "Ziele erreicht"), new("ReferredElsewhere", "an andere Stelle übergeben"), new("MovedAway", "verzogen"),
        new("NoLongerReachable", "nicht mehr erreichbar"), new("ClientEndedCounselling", "Beratung auf eigenen Wunsch beendet"),
        new("Other", "sonstiger Grund"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> PlaceKinds { get; } =
    [
        new("SharedHousing", "Gemeinschaftsunterkunft"), new("Street", "Straße / öffentlicher Raum"), new("Office", "Beratungsstelle"), new("Other", "sonstiger Ort"),
    ];

    /// <summary>The German label of <paramref name="value"/> in <paramref name="list"/>, or the value itself.</summary>
    public static string Of(IReadOnlyList<KeyValuePair<string, string>> list, string? value)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (value is null)
        {
            return "";
        }

        foreach (var (key, label) in list)
        {
            if (string.Equals(key, value, StringComparison.OrdinalIgnoreCase))
            {
                return label;
            }
        }

        return value;
    }

    /// <summary>
    /// German for the duplicate detector's English reason templates and the phrases it puts into them. The localizer
    /// then gives English back from the resource file, as for every other German text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DuplicateReasonTexts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["given and family name swapped"] = "Vor- und Familienname vertauscht",
        ["name matches another name used by the {0} record ({1})"] = "Name stimmt mit einem anderen Namen des {0} Datensatzes überein ({1})",
        ["{0}: male and female forms of a name ({1})"] = "{0}: männliche und weibliche Form eines Namens ({1})",
        ["{0} equal ({1})"] = "{0} gleich ({1})",
        ["{0}: one of several names matches ({1})"] = "{0}: einer von mehreren Namen stimmt überein ({1})",
        ["{0} matches phonetically ({1})"] = "{0} klingt gleich ({1})",
        ["{0} differs ({1})"] = "{0} verschieden ({1})",
        ["no names to compare"] = "keine Namen zum Vergleichen",
        ["the other name part is missing on one side"] = "der andere Namensteil fehlt auf einer Seite",
        ["date of birth unknown on at least one side"] = "Geburtsdatum auf mindestens einer Seite unbekannt",
        ["date of birth equal ({0})"] = "Geburtsdatum gleich ({0})",
        ["year of birth equal ({0}); 1 January on one side is often a placeholder"] = "Geburtsjahr gleich ({0}); der 1. Januar auf einer Seite ist oft ein Platzhalter",
        ["dates of birth equal with day and month swapped ({0} / {1})"] = "Geburtsdaten gleich, Tag und Monat vertauscht ({0} / {1})",
        ["dates of birth differ ({0} / {1})"] = "Geburtsdaten verschieden ({0} / {1})",
        ["year of birth equal ({0}), {1}"] = "Geburtsjahr gleich ({0}), {1}",
        ["years of birth differ ({0} / {1})"] = "Geburtsjahre verschieden ({0} / {1})",
        ["stated genders differ"] = "angegebenes Geschlecht verschieden",
        ["given name"] = "Vorname",
        ["family name"] = "Familienname",
        ["given name of one and family name of the other"] = "Vorname des einen und Familienname des anderen",
        ["family name of one and given name of the other"] = "Familienname des einen und Vorname des anderen",
        ["first"] = "ersten",
        ["second"] = "zweiten",
        ["only the year known on both sides"] = "auf beiden Seiten nur das Jahr bekannt",
        ["full date unknown on one side"] = "volles Datum auf einer Seite unbekannt",
    };

    /// <summary>A duplicate reason in the user's language; an unknown template is shown as it came.</summary>
    public static string DuplicateReason(Microsoft.Extensions.Localization.IStringLocalizer localizer, DuplicateReasonView reason)
    {
        string Localise(string text) => DuplicateReasonTexts.TryGetValue(text, out var german) ? localizer[german].Value : text;
        return string.Format(
            System.Globalization.CultureInfo.CurrentCulture, Localise(reason.Template), [.. reason.Arguments.Select(Localise)]);
    }
}
