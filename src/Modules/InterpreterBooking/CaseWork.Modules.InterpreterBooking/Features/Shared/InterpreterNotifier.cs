using System.Globalization;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// Writes the emails to interpreters about offers, changes, cancellations, invitations into a pool and removals from one as
/// <see cref="InterpreterNotification"/> rows in the caller's unit of work; the sweep sends them after the commit and retries
/// failures (ADR 0036, replacing ADR 0018's best-effort sending before the commit). The portal still always shows the
/// current state.
/// </summary>
internal sealed class InterpreterNotifier(
    InterpreterBookingDbContext db,
    IConfiguration configuration,
    IPublicAddress publicAddress,
    TimeProvider clock)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Links in the mails are absolute (a mail program cannot resolve a path): the module's own setting, else the host's public address.</summary>
    private string Link(string path) =>
        configuration["InterpreterBooking:PublicBaseUrl"] is { Length: > 0 } own ? own.TrimEnd('/') + path : publicAddress.Absolute(path);

    public Task OffersMadeAsync(InterpreterRequest request, IEnumerable<Offer> offers, IReadOnlyCollection<InterpreterProfile> profiles, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        foreach (var offer in offers)
        {
            var profile = profiles.FirstOrDefault(p => p.Id == offer.InterpreterId);
            var link = Link($"/InterpreterBooking/Link/{offer.LinkToken}");
            var body = $"""
                Neue Anfrage / New request: {Describe(request, zone)}

                Annehmen oder ablehnen / Accept or decline:
                {link}

                Oder im Portal / Or in the portal: {Link("/InterpreterBooking/Portal")}
                """;
            Add(request, offer.InterpreterId, NotificationKind.Offer, profile?.Email, "Sprachmittlung: neue Anfrage / new request", body);
        }

        return Task.CompletedTask;
    }

    public Task ChangedAsync(UserId interpreter, string? address, InterpreterRequest request, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        Add(request, interpreter, NotificationKind.Changed, address, "Sprachmittlung: Termin geändert / job moved",
            $"""
            Der Termin wurde verschoben. Bitte bestätigen Sie im Portal. / The job was moved. Please reconfirm in the portal.
            {Describe(request, zone)}
            {Link("/InterpreterBooking/Portal")}
            """);

    public Task CancelledAsync(UserId interpreter, string? address, InterpreterRequest request, bool billable, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        Add(request, interpreter, NotificationKind.Cancelled, address, "Sprachmittlung: Einsatz abgesagt / job cancelled",
            $"""
            Der Einsatz wurde abgesagt. / The job was cancelled.
            {Describe(request, zone)}
            {(billable ? "Kurzfristige Absage: der Einsatz wird vergütet. / Late cancellation: the job is paid." : "")}
            """);

    /// <summary>
    /// The invitation into <paramref name="officeName"/>'s pool, to the invited address. It says what the office learns on
    /// acceptance and that the answer is given signed in with that address; the portal shows the invitation only then.
    /// </summary>
    public void Invited(PoolInvitation invitation, string officeName, TimeZoneInfo zone)
    {
        var until = TimeZoneInfo.ConvertTime(invitation.ExpiresAt, zone);
        var body = string.Create(German, $"""
            Die Stelle „{officeName}“ lädt Sie in ihren Pool von Sprachmittler*innen ein: sie möchte Ihnen Anfragen schicken können.
            "{officeName}" invites you into its pool of interpreters, so that it can send you requests.

            Annehmen oder ablehnen im Portal, angemeldet mit dieser E-Mail-Adresse (offen bis {until:dd.MM.yyyy}).
            Wenn Sie annehmen, sieht die Stelle Ihre Kontaktdaten und vereinbart ihre eigenen Honorarsätze mit Ihnen.
            Accept or decline in the portal, signed in with this e-mail address (open until {until:dd.MM.yyyy}).
            If you accept, the office sees your contact details and agrees its own fee rates with you.
            {Link("/InterpreterBooking/Portal")}

            Sie haben noch kein Konto mit dieser Adresse? Fragen Sie die einladende Stelle.
            No account with this address yet? Ask the inviting office.
            """);
        db.Notifications.Add(InterpreterNotification.ForInvitation(invitation, "Sprachmittlung: Einladung in einen Pool / invitation to an interpreter pool", body,
            clock.GetUtcNow()));
    }

    /// <summary>
    /// Tells the interpreter that <paramref name="officeName"/> took them out of its pool: no more requests from it, how many
    /// open ones were withdrawn, and that past jobs and statements stay in the portal. Nothing about why; that is for the office
    /// to say in person.
    /// </summary>
    public void RemovedFromPool(PoolMembership membership, string? address, string officeName, int withdrawnOffers)
    {
        var withdrawnDe = withdrawnOffers switch
        {
            0 => "",
            1 => "Eine offene Anfrage der Stelle an Sie wurde zurückgezogen.\n",
            _ => $"{withdrawnOffers} offene Anfragen der Stelle an Sie wurden zurückgezogen.\n",
        };
        var withdrawnEn = withdrawnOffers switch
        {
            0 => "",
            1 => "One open request from the office to you was withdrawn.\n",
            _ => $"{withdrawnOffers} open requests from the office to you were withdrawn.\n",
        };
        var body = $"""
            Die Stelle „{officeName}“ hat Sie aus ihrem Pool von Sprachmittler*innen genommen. Sie erhalten von ihr keine Anfragen mehr.
            {withdrawnDe}Ihre bisherigen Einsätze und Abrechnungen bei der Stelle bleiben im Portal sichtbar. Für eine erneute Aufnahme braucht es eine neue Einladung.

            "{officeName}" has taken you out of its pool of interpreters. You will receive no more requests from it.
            {withdrawnEn}Your past jobs and statements with the office stay visible in the portal. Joining again takes a new invitation.
            {Link("/InterpreterBooking/Portal")}
            """;
        db.Notifications.Add(InterpreterNotification.ForRemoval(membership, address,
            "Sprachmittlung: nicht mehr im Pool der Stelle / no longer in the office's pool", body, clock.GetUtcNow()));
    }

    private static string Describe(InterpreterRequest request, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(request.Start, zone);
        var end = TimeZoneInfo.ConvertTime(request.End, zone);
        return string.Create(German, $"{start:ddd dd.MM.yyyy HH:mm}–{end:HH:mm}, {request.Language}{(request.Dialect is null ? "" : " (" + request.Dialect + ")")}, {request.Modality}");
    }

    private Task Add(InterpreterRequest request, UserId interpreter, NotificationKind kind, string? address, string subject, string body)
    {
        db.Notifications.Add(new InterpreterNotification(request.OfficeId, interpreter, request.Id, kind, address, subject, body, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
