using CaseWork.BuildingBlocks.Infrastructure.Notifications;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseWork.BuildingBlocks.Tests.Notifications;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Delivers_utf8_subject_and_right_to_left_body_to_a_real_smtp_server()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, EnableSsl = false, From = "buero@casework.test",
        }));

        await sender.SendAsync(new EmailMessage("klient@example.test", "Termin am 3. März – تذكير", "تذكير بموعدك يوم الثلاثاء\nÖffnungszeiten: 9–12 Uhr", "ar"), CancellationToken.None);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("klient@example.test", received.To, StringComparison.Ordinal);
        Assert.Equal("Termin am 3. März – تذكير", received.Subject);
        Assert.Equal("تذكير بموعدك يوم الثلاثاء\nÖffnungszeiten: 9–12 Uhr", received.Body);
        Assert.Equal("ar", received.Headers["Content-Language"]);
    }

    [Fact]
    public async Task Throws_when_no_server_listens_so_callers_can_retry()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var port = smtp.Port;
        await smtp.DisposeAsync();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, EnableSsl = false }));

        await Assert.ThrowsAnyAsync<Exception>(() =>
            sender.SendAsync(new EmailMessage("a@example.test", "x", "y"), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_mail_server_messages_are_kept_for_the_admin_pages_newest_first()
    {
        var recorder = new RecordingEmailSender(TimeProvider.System, NullLogger<RecordingEmailSender>.Instance);

        await recorder.SendAsync(new EmailMessage("a@example.test", "first", "1"), CancellationToken.None);
        await recorder.SendAsync(new EmailMessage("b@example.test", "second", "2"), CancellationToken.None);

        Assert.Equal(["second", "first"], recorder.Recent().Select(m => m.Message.Subject));
    }
}
