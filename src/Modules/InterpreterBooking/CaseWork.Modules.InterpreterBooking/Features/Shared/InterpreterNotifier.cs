using System.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.InterpreterBooking.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// Emails interpreters about offers, changes and cancellations, after the change is saved. Best effort: a mail server that
/// is down loses the mail, not the offer — the portal always shows the current state (ADR 0018).
/// </summary>
internal sealed partial class InterpreterNotifier(
    IEmailSender email,
    IOfficeDirectory directory,
    IConfiguration configuration,
    IPublicAddress publicAddress,
    ILogger<InterpreterNotifier> logger)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Links in the mails are absolute (a mail program cannot resolve a path): the module's own setting, else the host's public address.</summary>
    private string Link(string path) =>
        configuration["InterpreterBooking:PublicBaseUrl"] is { Length: > 0 } own ? own.TrimEnd('/') + path : publicAddress.Absolute(path);

    public async Task OffersMadeAsync(InterpreterRequest request, IEnumerable<Offer> offers, IReadOnlyCollection<InterpreterProfile> profiles, TimeZoneInfo zone, CancellationToken cancellationToken)
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
            await SendAsync(offer.InterpreterId, profile?.Email, "Sprachmittlung: neue Anfrage / new request", body, cancellationToken);
        }
    }

    public Task ChangedAsync(UserId interpreter, string? address, InterpreterRequest request, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        SendAsync(interpreter, address, "Sprachmittlung: Termin geändert / job moved",
            $"""
            Der Termin wurde verschoben. Bitte bestätigen Sie im Portal. / The job was moved. Please reconfirm in the portal.
            {Describe(request, zone)}
            {Link("/InterpreterBooking/Portal")}
            """, cancellationToken);

    public Task CancelledAsync(UserId interpreter, string? address, InterpreterRequest request, bool billable, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        SendAsync(interpreter, address, "Sprachmittlung: Einsatz abgesagt / job cancelled",
            $"""
            Der Einsatz wurde abgesagt. / The job was cancelled.
            {Describe(request, zone)}
            {(billable ? "Kurzfristige Absage: der Einsatz wird vergütet. / Late cancellation: the job is paid." : "")}
            """, cancellationToken);

    private static string Describe(InterpreterRequest request, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(request.Start, zone);
        var end = TimeZoneInfo.ConvertTime(request.End, zone);
        return string.Create(German, $"{start:ddd dd.MM.yyyy HH:mm}–{end:HH:mm}, {request.Language}{(request.Dialect is null ? "" : " (" + request.Dialect + ")")}, {request.Modality}");
    }

    private async Task SendAsync(UserId interpreter, string? address, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            address ??= (await directory.GetUserAsync(interpreter, cancellationToken))?.Email;
            if (string.IsNullOrWhiteSpace(address))
            {
                return;
            }

            await email.SendAsync(new EmailMessage(address, subject, body, "de"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, interpreter.Value, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification to interpreter {Interpreter} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid interpreter, string reason);
}
