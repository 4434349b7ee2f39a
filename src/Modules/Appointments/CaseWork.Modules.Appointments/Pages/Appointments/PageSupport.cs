using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>German labels for the module's codes (the page localizer turns them into English).</summary>
internal static class Labels
{
    public static string Kind(string code) => code switch
    {
        "counselling" => "Beratung",
        "accompaniment" => "Begleitung (Amt, Gericht)",
        "home_visit" => "Hausbesuch",
        "outreach" => "Aufsuchende Arbeit",
        "group" => "Gruppe",
        _ => code,
    };

    public static string Place(string code) => code switch
    {
        "office_room" => "Raum im Büro",
        "address" => "Adresse",
        "shared_housing" => "Gemeinschaftsunterkunft",
        "phone" => "Telefon",
        "video" => "Video",
        _ => code,
    };

    public static string Status(string code) => code switch
    {
        "planned" => "geplant",
        "confirmed" => "bestätigt",
        "completed" => "stattgefunden",
        "no_show" => "nicht erschienen",
        "cancelled" => "abgesagt",
        _ => code,
    };

    public static string ReminderState(string code) => code switch
    {
        "scheduled" => "geplant",
        "sent" => "gesendet",
        "failed" => "fehlgeschlagen",
        "skipped" => "ausgelassen",
        "cancelled" => "storniert",
        _ => code,
    };

    public static string Channel(string code) => code switch
    {
        "email" => "E-Mail",
        "sms" => "SMS",
        "manual" => "von Hand (Messenger)",
        "none" => "kein Kanal",
        _ => code,
    };

    public static string Purpose(string code) => code switch
    {
        "client_reminder" => "Erinnerung",
        "client_cancellation" => "Absage",
        "interpreter_missing" => "Sprachmittlung fehlt (an Mitarbeitende)",
        "day_ahead" => "Tagesübersicht (an Mitarbeitende)",
        _ => code,
    };

    public static string SkipReason(string? code) => code switch
    {
        null => "",
        "no_consented_channel" => "kein vereinbarter Kanal",
        "opted_out" => "keine Erinnerungen gewünscht",
        "too_close" => "Termin zu nah",
        "quiet_hours" => "Ruhezeit bis nach dem Termin",
        "client_anonymised" => "Person anonymisiert",
        _ => code,
    };

    public static string Interpreter(string code) => code switch
    {
        "not_needed" => "nicht nötig",
        "requested" => "angefragt, noch nicht bestätigt",
        "booked" => "bestätigt",
        "unavailable" => "niemand verfügbar",
        _ => code,
    };

    public static string Modality(string code) => code switch
    {
        "in_person" => "vor Ort",
        "phone" => "Telefon",
        "video" => "Video",
        _ => code,
    };

    /// <summary>A language code as its name in the page's language (the catalogue has both).</summary>
    public static string LanguageName(string? code) =>
        CaseWork.BuildingBlocks.Globalization.LanguageCatalog.Find(code) is { } language
            ? (System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? language.NameEn : language.NameDe)
            : code ?? "";

    public static readonly string[] Kinds = ["counselling", "accompaniment", "home_visit", "outreach", "group"];
    public static readonly string[] Places = ["office_room", "address", "shared_housing", "phone", "video"];

    public static void AddTo(this Error error, ModelStateDictionary modelState, string prefix)
    {
        if (error.FieldErrors is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(string.IsNullOrEmpty(field) ? "" : prefix + char.ToUpperInvariant(field[0]) + field[1..], message);
                }
            }
        }
        else
        {
            modelState.AddModelError("", error.Message);
        }
    }
}
