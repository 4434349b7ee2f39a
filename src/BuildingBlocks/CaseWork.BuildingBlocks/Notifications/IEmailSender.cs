namespace CaseWork.BuildingBlocks.Notifications;

/// <summary>An email to one recipient, as plain text.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="Language">Language code of the text (sets Content-Language; right-to-left languages read correctly in mail apps).</param>
public sealed record EmailMessage(string To, string Subject, string Body, string? Language = null);

/// <summary>The port every module sends email through; the host picks SMTP or, with none configured, a log of what would be sent.</summary>
public interface IEmailSender
{
    /// <summary>Hands the message to the mail server; throws when the server refuses or cannot be reached (callers retry).</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
