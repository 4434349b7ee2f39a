using System.Globalization;
using CaseWork.BuildingBlocks.Globalization;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>A message as it goes out.</summary>
internal sealed record ReminderText(string Subject, string Body);

/// <summary>
/// Client messages in the client's language. Deliberately neutral — date, time, place and the office's phone, never the
/// topic or the kind of counselling — because a phone is often shared with family or flatmates.
/// Right-to-left texts start with a right-to-left mark, and every number, phone or Latin-script part is a left-to-right
/// isolate (LRI … PDI), so "10:30" and "+49 30 123" do not come out reversed or jump to the wrong end of the line; plain
/// left-to-right marks were not enough for a phone number with spaces (seen in Chromium).
/// </summary>
internal static class ReminderTexts
{
    private const char LeftToRightIsolate = '\u2066';
    private const char PopDirectionalIsolate = '\u2069';
    private const char RightToLeftMark = '\u200F';

    private sealed record Template(string Subject, string Reminder, string Cancellation, string Phone, string Video, string Office);

    private static readonly Dictionary<string, Template> Templates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = new(
            "Terminerinnerung",
            "Erinnerung: Ihr Termin am {date} um {time} Uhr, {place}. Bei Fragen oder wenn Sie nicht kommen können: {phone}.",
            "Ihr Termin am {date} um {time} Uhr findet nicht statt. Bei Fragen: {phone}.",
            "per Telefon",
            "per Video",
            "in unserem Büro"),
        ["en"] = new(
            "Appointment reminder",
            "Reminder: your appointment on {date} at {time}, {place}. Questions, or can't come? Call {phone}.",
            "Your appointment on {date} at {time} will not take place. Questions: {phone}.",
            "by phone",
            "by video",
            "at our office"),
        ["ar"] = new(
            "تذكير بموعد",
            "تذكير: موعدك بتاريخ {date} الساعة {time}، {place}. للاستفسار أو إذا لم تتمكن من الحضور: {phone}.",
            "موعدك بتاريخ {date} الساعة {time} لن يتم. للاستفسار: {phone}.",
            "عبر الهاتف",
            "عبر الفيديو",
            "في مكتبنا"),
        ["prs"] = new(
            "یادآوری وعدهٔ ملاقات",
            "یادآوری: وعدهٔ ملاقات شما به تاریخ {date} ساعت {time}، {place}. برای سوالات یا اگر آمده نمی‌توانید: {phone}.",
            "وعدهٔ ملاقات شما به تاریخ {date} ساعت {time} برگزار نمی‌شود. برای سوالات: {phone}.",
            "از طریق تلیفون",
            "از طریق ویدیو",
            "در دفتر ما"),
        ["fa"] = new(
            "یادآوری قرار ملاقات",
            "یادآوری: قرار ملاقات شما در تاریخ {date} ساعت {time}، {place}. برای پرسش یا اگر نمی‌توانید بیایید: {phone}.",
            "قرار ملاقات شما در تاریخ {date} ساعت {time} برگزار نمی‌شود. برای پرسش: {phone}.",
            "تلفنی",
            "تصویری",
            "در دفتر ما"),
        ["uk"] = new(
            "Нагадування про зустріч",
            "Нагадування: ваша зустріч {date} о {time}, {place}. Запитання або не можете прийти? Телефонуйте: {phone}.",
            "Ваша зустріч {date} о {time} не відбудеться. Запитання: {phone}.",
            "телефоном",
            "відеозв'язком",
            "у нашому офісі"),
        ["ru"] = new(
            "Напоминание о встрече",
            "Напоминание: ваша встреча {date} в {time}, {place}. Вопросы или не можете прийти? Звоните: {phone}.",
            "Ваша встреча {date} в {time} не состоится. Вопросы: {phone}.",
            "по телефону",
            "по видеосвязи",
            "в нашем офисе"),
        ["ro"] = new(
            "Memento programare",
            "Memento: programarea dumneavoastră pe {date} la ora {time}, {place}. Întrebări sau nu puteți veni? Sunați la {phone}.",
            "Programarea dumneavoastră pe {date} la ora {time} nu va avea loc. Întrebări: {phone}.",
            "telefonic",
            "prin video",
            "la biroul nostru"),
        ["bg"] = new(
            "Напомняне за среща",
            "Напомняне: вашата среща на {date} в {time} ч., {place}. Въпроси или не можете да дойдете? Обадете се на {phone}.",
            "Вашата среща на {date} в {time} ч. няма да се състои. Въпроси: {phone}.",
            "по телефона",
            "по видео",
            "в нашия офис"),
        ["tr"] = new(
            "Randevu hatırlatması",
            "Hatırlatma: {date} tarihinde saat {time} randevunuz var, {place}. Sorularınız varsa veya gelemiyorsanız: {phone}.",
            "{date} tarihinde saat {time} randevunuz gerçekleşmeyecek. Sorularınız için: {phone}.",
            "telefonla",
            "görüntülü",
            "ofisimizde"),
    };

    /// <summary>The languages client messages are written in; others get German.</summary>
    public static IReadOnlyCollection<string> Languages => Templates.Keys;

    /// <summary>The language a message goes out in: the client's, if written, else German.</summary>
    public static string LanguageFor(string? preferred) =>
        preferred is not null && Templates.ContainsKey(preferred) ? preferred.ToLowerInvariant() : "de";

    public static ReminderText Render(
        ReminderPurpose purpose, string language, DateTimeOffset start, OfficeClock clock, PlaceKind placeKind, string placeText, string officePhone)
    {
        var code = LanguageFor(language);
        var template = Templates[code];
        var rtl = LanguageCatalog.IsRightToLeft(code);
        var local = clock.ToLocal(start);
        string Isolate(string value) => rtl ? LeftToRightIsolate + value + PopDirectionalIsolate : value;

        var place = placeKind switch
        {
            PlaceKind.Phone => template.Phone,
            PlaceKind.Video => template.Video + (string.IsNullOrWhiteSpace(placeText) ? "" : ": " + Isolate(placeText)),
            // The room's name as the office calls it, after the office in the client's language.
            PlaceKind.OfficeRoom => template.Office + (string.IsNullOrWhiteSpace(placeText) ? "" : ": " + Isolate(placeText)),
            _ => Isolate(placeText),
        };
        var body = (purpose == ReminderPurpose.ClientCancellation ? template.Cancellation : template.Reminder)
            .Replace("{date}", Isolate(local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace("{time}", Isolate(local.ToString("HH:mm", CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal)
            .Replace("{phone}", Isolate(officePhone), StringComparison.Ordinal);
        return new ReminderText(template.Subject, rtl ? RightToLeftMark + body : body);
    }

    /// <summary>A staff message (German: staff read the application in German first).</summary>
    public static ReminderText InterpreterMissing(DateTimeOffset start, OfficeClock clock, string language)
    {
        var local = clock.ToLocal(start);
        var name = LanguageCatalog.Find(language)?.NameDe ?? language;
        return new ReminderText(
            "Sprachmittlung fehlt noch",
            $"Für den Termin am {local:dd.MM.yyyy} um {local:HH:mm} Uhr ist noch keine Sprachmittlung ({name}) bestätigt.");
    }

    /// <summary>
    /// A worker's day ahead (German, staff). It leaves the system by email, so it names times, kinds, places and pseudonym
    /// codes only — never topics or client names.
    /// </summary>
    public static ReminderText DayAhead(DateOnly day, IReadOnlyList<DayAheadLine> lines)
    {
        var body = new System.Text.StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Ihre Termine am {day:dd.MM.yyyy} ({lines.Count}):").Append('\n');
        foreach (var line in lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"- {line.Start:HH:mm}–{line.End:HH:mm} {line.Kind}, {line.Place}");
            if (line.Clients.Count > 0)
            {
                body.Append(" · ").Append(string.Join(", ", line.Clients));
            }

            if (line.InterpreterMissing is { } language)
            {
                body.Append(" · Sprachmittlung (").Append(LanguageCatalog.Find(language)?.NameDe ?? language).Append(") noch nicht bestätigt");
            }

            if (line.DocumentsToBring)
            {
                body.Append(" · Unterlagen mitbringen");
            }

            body.Append('\n');
        }

        body.Append("Einzelheiten in CaseWork.");
        return new ReminderText($"Ihr Tag: {lines.Count} Termin(e) am {day:dd.MM.yyyy}", body.ToString());
    }
}

/// <summary>One appointment in a worker's day-ahead message (local wall-clock times).</summary>
internal sealed record DayAheadLine(DateTime Start, DateTime End, string Kind, string Place, IReadOnlyList<string> Clients, string? InterpreterMissing, bool DocumentsToBring);
