using System.Security.Cryptography;
using System.Text;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Features.Answer;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Referrals.Features;

/// <summary>The agency's secret link: a random token in the URL, only its SHA-256 in the database.</summary>
internal static class AgencyLinkTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token ?? "")));

    public static string Path(string token) => $"/Referrals/Answer/{token}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The Clients module's directory, if that module is enabled. Without it (a test host or an installation without case
/// files) referrals cannot check consent or needs, and sending is refused rather than done unchecked.
/// </summary>
internal sealed class ClientDirectoryAccess(IServiceProvider services)
{
    public IClientDirectory? Directory { get; } = services.GetService<IClientDirectory>();

    public async Task<IReadOnlyDictionary<Guid, string>> PseudonymsAsync(OfficeId office, IEnumerable<Guid> clients, CancellationToken cancellationToken)
    {
        var ids = clients.Distinct().Select(ClientId.From).ToList();
        if (Directory is null || ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var codes = await Directory.GetPseudonymCodesAsync(office, ids, cancellationToken);
        return codes.ToDictionary(kv => kv.Key.Value, kv => kv.Value);
    }
}

/// <summary>
/// The Clients module's case file page, by route only (Referrals does not reference that module). Lists here show the
/// pseudonym code; the case file shows a supervisor the pseudonymised file and asks for a reason before the name (audited,
/// ADR 0012). The link carries the client id only, never a name.
/// </summary>
internal static class CaseFileLinks
{
    public static string For(Guid clientId) => $"/Clients/CaseFile/{clientId}";
}

/// <summary>An office's follow-up settings, or the defaults.</summary>
internal static class OfficeSettingsReader
{
    public static async Task<(FollowUpPolicy Policy, int AgencyLinkDays)> ReadAsync(ReferralsDbContext db, OfficeId office, CancellationToken cancellationToken)
    {
        var settings = await db.OfficeSettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office, cancellationToken);
        return settings is null
            ? (FollowUpPolicy.Default, OfficeReferralSettings.DefaultAgencyLinkDays)
            : (settings.Policy, settings.AgencyLinkDays);
    }

    /// <summary>
    /// The office's today: the date on its own wall clock, in its zone from the office directory. (The UTC date is still
    /// yesterday there for an hour or two after midnight.)
    /// </summary>
    public static async Task<DateOnly> TodayAsync(IOfficeDirectory offices, OfficeId office, TimeProvider time, CancellationToken cancellationToken) =>
        Today(time, Zone((await offices.GetOfficeAsync(office, cancellationToken))?.TimeZone));

    /// <summary>The date on the wall clock of <paramref name="zone"/> now.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public static TimeZoneInfo Zone(string? timeZone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone ?? "Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
    }
}

/// <summary>German labels of the codes a page shows (German is the text key; English comes from the module resource).</summary>
internal static class Labels
{
    public static string Status(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "Entwurf",
        ReferralStatus.Sent => "Gesendet",
        ReferralStatus.Accepted => "Angenommen",
        ReferralStatus.Declined => "Abgelehnt",
        ReferralStatus.Waitlisted => "Warteliste",
        ReferralStatus.InProgress => "In Begleitung",
        ReferralStatus.Completed => "Abgeschlossen",
        ReferralStatus.Withdrawn => "Zurückgezogen",
        _ => "Abgelaufen",
    };

    /// <summary>Who made a history entry, as the page shows it: the module itself is "automatisch", anyone else by name.</summary>
    public static string Actor(IStringLocalizer text, StatusChangeView change)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(change);
        return change.ByKind == ReferralCodes.Code(ActorKind.System) ? text["automatisch"] : change.By;
    }

    /// <summary>A history note in the reader's language when the module wrote it; what a person wrote, as written.</summary>
    public static string? HistoryNote(IStringLocalizer text, string? note)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HistoryNotes.PositionOf(note) is { } position)
        {
            return text["Platz {0} auf der Warteliste", position];
        }

        return note switch
        {
            HistoryNotes.DraftEdited => text["Entwurf geändert"],
            HistoryNotes.DraftDiscarded => text["Entwurf verworfen"],
            HistoryNotes.ConsentOverride => text["ohne Einwilligung gesendet (Begründung der Teamleitung)"],
            HistoryNotes.NoAnswer => text["keine Antwort innerhalb der Frist"],
            HistoryNotes.ConsentRevoked => text["Einwilligung widerrufen: Weitergabe gestoppt"],
            _ => note,
        };
    }

    public static string Urgency(string? code) => code switch
    {
        "urgent" => "dringend",
        "emergency" => "Notfall",
        _ => "normal",
    };

    /// <summary>An instant as office-local time (Europe/Berlin) for pages.</summary>
    public static string Local(DateTimeOffset? at, string format = "dd.MM.yyyy HH:mm") =>
        at is { } instant
            ? TimeZoneInfo.ConvertTime(instant, OfficeSettingsReader.Zone(null)).ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : "–";

    public static string Outcome(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.GoalReached => "Ziel erreicht",
        ReferralOutcome.PartlyReached => "Ziel teilweise erreicht",
        ReferralOutcome.NotReached => "Ziel nicht erreicht",
        ReferralOutcome.ClientWithdrew => "Klient*in hat abgebrochen",
        _ => "Nicht erschienen",
    };

    public static string Reason(DeclineReason reason) => reason switch
    {
        DeclineReason.NoCapacity => "Keine Kapazität",
        DeclineReason.NotEligible => "Voraussetzungen nicht erfüllt",
        DeclineReason.NotResponsible => "Nicht zuständig",
        DeclineReason.ClientDeclined => "Klient*in lehnt ab",
        DeclineReason.ClientUnreachable => "Klient*in nicht erreichbar",
        _ => "Anderer Grund",
    };

    public static string Category(string category) => category switch
    {
        "identity" => "Identität (Name, Geburtsdatum, Staatsangehörigkeit)",
        "contact" => "Kontaktdaten",
        "residence" => "Aufenthaltsstatus",
        "needs" => "Anliegen",
        "finances" => "Finanzen",
        "health" => "Gesundheit",
        "family" => "Familie",
        "case_notes" => "Notizen aus der Fallakte",
        _ => category,
    };

    public static string NeedArea(string area) => area switch
    {
        "housing" => "Wohnen",
        "debts" => "Schulden",
        "residence_status" => "Aufenthalt",
        "work_training" => "Arbeit und Ausbildung",
        "health" => "Gesundheit",
        "language" => "Sprache",
        "school_childcare" => "Schule und Kinderbetreuung",
        "family" => "Familie",
        "benefits" => "Sozialleistungen",
        _ => "Sonstiges",
    };
}
