using System.Net.Http.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.Appointments.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseWork.Modules.Appointments.Infrastructure.Channels;

/// <summary>The SMS gateway (section <c>Appointments:Sms</c>): an HTTP endpoint taking <c>{"to","text"}</c> with a bearer key.</summary>
internal sealed class SmsGatewayOptions
{
    public const string Section = "Appointments:Sms";

    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>Which channels really send (for the outgoing messages page).</summary>
internal sealed class ChannelStatus(IConfiguration configuration, IOptions<SmsGatewayOptions> sms)
{
    public bool EmailConfigured => !string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]);

    public bool SmsConfigured => sms.Value.IsConfigured;
}

/// <summary>The port to the outside: hands a reminder to its channel; throws when the channel refuses (the sweep retries).</summary>
internal sealed partial class ReminderDispatcher(
    IEmailSender email, IHttpClientFactory http, IOptions<SmsGatewayOptions> sms, IOfficeDirectory offices, ILogger<ReminderDispatcher> logger)
{
    public const string HttpClientName = "appointments-sms";

    public async Task SendAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var address = reminder.Address;
        if (reminder.WorkerId is { } worker)
        {
            address = (await offices.GetUserAsync(worker, cancellationToken))?.Email
                      ?? throw new InvalidOperationException("The worker has no email address.");
        }

        switch (reminder.Channel)
        {
            case ReminderChannel.Email:
                await email.SendAsync(new EmailMessage(address, reminder.Subject, reminder.Body, reminder.Language), cancellationToken);
                break;
            case ReminderChannel.Sms when sms.Value.IsConfigured:
                await SendSmsAsync(address, reminder.Body, cancellationToken);
                break;
            case ReminderChannel.Sms:
                // No gateway (the embedded default): the text stays on the outgoing messages page, marked as not sent by a gateway.
                LogNoGateway(reminder.Id);
                break;
            case ReminderChannel.Manual:
                // Handed to the worker: it appears on the outgoing messages page to send by hand.
                break;
            default:
                throw new InvalidOperationException($"Reminder {reminder.Id} has no channel.");
        }
    }

    private async Task SendSmsAsync(string to, string text, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Value.Url) { Content = JsonContent.Create(new { to, text }) };
        if (!string.IsNullOrEmpty(sms.Value.ApiKey))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sms.Value.ApiKey);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId}: no SMS gateway configured, the text is listed on the outgoing messages page")]
    private partial void LogNoGateway(Guid reminderId);
}
