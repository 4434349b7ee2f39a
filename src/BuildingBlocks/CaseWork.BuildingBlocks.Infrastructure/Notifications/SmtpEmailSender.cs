using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CaseWork.BuildingBlocks.Notifications;
using Microsoft.Extensions.Options;

namespace CaseWork.BuildingBlocks.Infrastructure.Notifications;

/// <summary>Sends mail over SMTP with the BCL client (MailKit is not in the package registry these machines reach).</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        if (message.Language is { Length: > 0 } language)
        {
            mail.Headers.Add("Content-Language", language);
        }

        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (settings.UserName is { Length: > 0 } user)
        {
            client.Credentials = new NetworkCredential(user, settings.Password);
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}

/// <summary>With no mail server configured: logs each message (recipient and subject only) and keeps the latest for the admin pages.</summary>
internal sealed partial class RecordingEmailSender(TimeProvider time, Microsoft.Extensions.Logging.ILogger<RecordingEmailSender> logger) : IEmailSender, IUnsentEmailLog
{
    private const int Keep = 200;
    private readonly LinkedList<UnsentEmail> _recent = new();
    private readonly Lock _gate = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _recent.AddFirst(new UnsentEmail(time.GetUtcNow(), message));
            while (_recent.Count > Keep)
            {
                _recent.RemoveLast();
            }
        }

        LogNotSent(message.To, message.Subject);
        return Task.CompletedTask;
    }

    public IReadOnlyList<UnsentEmail> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "No mail server configured (Email:SmtpHost); not sent to {To}: {Subject}")]
    private partial void LogNotSent(string to, string subject);
}

/// <summary>An email that was not sent because no mail server is configured.</summary>
public sealed record UnsentEmail(DateTimeOffset At, EmailMessage Message);

/// <summary>The latest emails that would have been sent, when no mail server is configured (embedded default).</summary>
public interface IUnsentEmailLog
{
    /// <summary>Newest first, at most 200.</summary>
    IReadOnlyList<UnsentEmail> Recent();
}
