namespace CaseWork.BuildingBlocks.Infrastructure.Notifications;

/// <summary>Outgoing mail (section <c>Email</c>). Without <see cref="SmtpHost"/> nothing is sent: messages are only logged and listed.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary>SMTP server host; empty means "no mail server configured".</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>Use STARTTLS/TLS.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>SMTP user, if the server wants authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>SMTP password.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address.</summary>
    public string From { get; set; } = "casework@localhost";

    /// <summary>Sender display name.</summary>
    public string FromName { get; set; } = "CaseWork";
}
