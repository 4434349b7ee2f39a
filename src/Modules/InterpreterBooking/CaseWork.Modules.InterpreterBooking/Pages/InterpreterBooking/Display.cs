using System.Globalization;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.Modules.InterpreterBooking.Domain;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>How the pages show times (office-local), languages and the module's enums, in the reader's language.</summary>
internal static class Display
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(BookingPolicy.DefaultTimeZone);

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Day(DateTimeOffset instant) => Local(instant).ToString("ddd dd.MM.yyyy", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset instant) => Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Span(DateTimeOffset start, DateTimeOffset end) => $"{Day(start)}, {Time(start)}–{Time(end)}";

    public static string Language(string code, string? dialect)
    {
        var language = LanguageCatalog.Find(code);
        var name = language is null ? code : English ? language.NameEn : language.NameDe;
        return dialect is null ? name : $"{name} ({dialect})";
    }

    public static string Modality(Modality modality) => (modality, English) switch
    {
        (Domain.Modality.InPerson, false) => "vor Ort",
        (Domain.Modality.Phone, false) => "Telefon",
        (Domain.Modality.Video, false) => "Video",
        (Domain.Modality.InPerson, true) => "in person",
        (Domain.Modality.Phone, true) => "phone",
        _ => "video",
    };

    public static string Subject(SubjectArea area) => (area, English) switch
    {
        (SubjectArea.Authorities, false) => "Behörden",
        (SubjectArea.Health, false) => "Gesundheit",
        (SubjectArea.School, false) => "Schule",
        (SubjectArea.Housing, false) => "Wohnen",
        (SubjectArea.Other, false) => "Sonstiges",
        (SubjectArea.Authorities, true) => "authorities",
        (SubjectArea.Health, true) => "health",
        (SubjectArea.School, true) => "school",
        (SubjectArea.Housing, true) => "housing",
        _ => "other",
    };

    public static string Qualification(Qualification qualification) => (qualification, English) switch
    {
        (Domain.Qualification.SwornOrCertified, false) => "beeidigt/zertifiziert",
        (Domain.Qualification.TrainedCommunityInterpreter, false) => "geschulte Sprachmittlung",
        (Domain.Qualification.Volunteer, false) => "ehrenamtlich",
        (Domain.Qualification.SwornOrCertified, true) => "sworn/certified",
        (Domain.Qualification.TrainedCommunityInterpreter, true) => "trained community interpreter",
        _ => "volunteer",
    };

    public static string RequestState(RequestState state) => (state, English) switch
    {
        (Domain.RequestState.Open, false) => "offen",
        (Domain.RequestState.Offered, false) => "angefragt",
        (Domain.RequestState.Filled, false) => "besetzt",
        (Domain.RequestState.Unfilled, false) => "nicht besetzt",
        (Domain.RequestState.Cancelled, false) => "abgesagt",
        (Domain.RequestState.Open, true) => "open",
        (Domain.RequestState.Offered, true) => "offered",
        (Domain.RequestState.Filled, true) => "filled",
        (Domain.RequestState.Unfilled, true) => "unfilled",
        _ => "cancelled",
    };

    public static string OfferState(OfferState state) => (state, English) switch
    {
        (Domain.OfferState.Pending, false) => "wartet",
        (Domain.OfferState.Accepted, false) => "angenommen",
        (Domain.OfferState.Declined, false) => "abgelehnt",
        (Domain.OfferState.Withdrawn, false) => "zurückgezogen",
        (Domain.OfferState.Expired, false) => "abgelaufen",
        (Domain.OfferState.Pending, true) => "pending",
        (Domain.OfferState.Accepted, true) => "accepted",
        (Domain.OfferState.Declined, true) => "declined",
        (Domain.OfferState.Withdrawn, true) => "withdrawn",
        _ => "expired",
    };

    public static string BookingState(BookingState state) => (state, English) switch
    {
        (Domain.BookingState.Booked, false) => "gebucht",
        (Domain.BookingState.AwaitingReconfirmation, false) => "bitte neue Zeit bestätigen",
        (Domain.BookingState.Cancelled, false) => "abgesagt",
        (Domain.BookingState.Recorded, false) => "erfasst, Bestätigung ausstehend",
        (Domain.BookingState.Confirmed, false) => "bestätigt",
        (Domain.BookingState.Booked, true) => "booked",
        (Domain.BookingState.AwaitingReconfirmation, true) => "please confirm the new time",
        (Domain.BookingState.Cancelled, true) => "cancelled",
        (Domain.BookingState.Recorded, true) => "recorded, awaiting confirmation",
        _ => "confirmed",
    };

    public static string Mismatch(MismatchReason reason) => (reason, English) switch
    {
        (MismatchReason.Language, false) => "Sprache/Dialekt",
        (MismatchReason.Modality, false) => "Form (vor Ort/Telefon/Video)",
        (MismatchReason.Gender, false) => "Geschlecht",
        (MismatchReason.NotAvailable, false) => "nicht verfügbar",
        (MismatchReason.Overlap, false) => "anderer Einsatz (mit Fahrzeit)",
        (MismatchReason.Excluded, false) => "ausgeschlossen",
        (MismatchReason.OutsideArea, false) => "außerhalb des Einsatzgebiets",
        (MismatchReason.DailyMaximum, false) => "Tageshöchstzahl erreicht",
        (MismatchReason.Language, true) => "language/dialect",
        (MismatchReason.Modality, true) => "modality",
        (MismatchReason.Gender, true) => "gender",
        (MismatchReason.NotAvailable, true) => "not available",
        (MismatchReason.Overlap, true) => "other job (with travel time)",
        (MismatchReason.Excluded, true) => "excluded",
        (MismatchReason.OutsideArea, true) => "outside area",
        _ => "daily maximum reached",
    };

    public static string NotificationKind(NotificationKind kind) => (kind, English) switch
    {
        (Domain.NotificationKind.Offer, false) => "Angebot",
        (Domain.NotificationKind.Changed, false) => "Terminänderung",
        (Domain.NotificationKind.Cancelled, false) => "Absage",
        (Domain.NotificationKind.Offer, true) => "offer",
        (Domain.NotificationKind.Changed, true) => "job moved",
        _ => "cancellation",
    };

    public static string NotificationState(NotificationState state, int attempts) => (state, English) switch
    {
        (Domain.NotificationState.Pending, false) => "wird gesendet",
        (Domain.NotificationState.Sent, false) => "gesendet",
        (Domain.NotificationState.Failed, false) => $"fehlgeschlagen ({attempts} von {InterpreterNotification.MaxAttempts} Versuchen)",
        (Domain.NotificationState.NoAddress, false) => "keine E-Mail-Adresse",
        (Domain.NotificationState.Pending, true) => "being sent",
        (Domain.NotificationState.Sent, true) => "sent",
        (Domain.NotificationState.Failed, true) => $"failed ({attempts} of {InterpreterNotification.MaxAttempts} attempts)",
        _ => "no email address",
    };

    public static string InvitationState(InvitationState state, bool expired, DateTimeOffset expiresAt) => (state, expired, English) switch
    {
        (Domain.InvitationState.Pending, true, false) => "abgelaufen",
        (Domain.InvitationState.Pending, true, true) => "expired",
        (Domain.InvitationState.Pending, false, false) => "offen bis " + Day(expiresAt),
        (Domain.InvitationState.Pending, false, true) => "open until " + Day(expiresAt),
        (Domain.InvitationState.Accepted, _, false) => "angenommen",
        (Domain.InvitationState.Accepted, _, true) => "accepted",
        (Domain.InvitationState.Declined, _, false) => "abgelehnt",
        (Domain.InvitationState.Declined, _, true) => "declined",
        (_, _, false) => "zurückgezogen",
        (_, _, true) => "withdrawn",
    };

    public static string Modalities(Modalities modalities) => string.Join(", ",
        new[] { Domain.Modality.InPerson, Domain.Modality.Phone, Domain.Modality.Video }
            .Where(m => modalities.HasFlag(m switch { Domain.Modality.InPerson => Domain.Modalities.InPerson, Domain.Modality.Phone => Domain.Modalities.Phone, _ => Domain.Modalities.Video }))
            .Select(Modality));

    public static string LastAssigned(DateTimeOffset? instant) => instant is { } value ? Day(value) : English ? "never" : "noch nie";
}
