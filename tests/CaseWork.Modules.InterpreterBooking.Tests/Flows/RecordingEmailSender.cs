using System.Collections.Concurrent;
using CaseWork.BuildingBlocks.Notifications;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>An email sender that keeps what it was given, and fails the next <see cref="FailNext"/> sends like a mail server that is down.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private int _failNext;

    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public int Attempts => _attempts;

    private int _attempts;

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            throw new IOException("The mail server is down.");
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>Waits until a mail to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/> arrived, or fails.</summary>
    public async Task<EmailMessage> WaitForAsync(string to, string subjectPart, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            var mail = Sent.FirstOrDefault(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subjectPart, StringComparison.Ordinal));
            if (mail is not null)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail \"{subjectPart}\" to {to}; sent: {string.Join("; ", Sent.Select(m => m.To + ": " + m.Subject))}");
    }
}
