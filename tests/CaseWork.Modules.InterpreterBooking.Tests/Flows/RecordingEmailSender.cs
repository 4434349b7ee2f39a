using System.Collections.Concurrent;
using CaseWork.BuildingBlocks.Notifications;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>An email sender that keeps what it was given, and fails the next <see cref="FailNext"/> sends like a mail server that is down.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private int _failNext;
    private string? _failTo;
    private readonly ConcurrentQueue<string> _attemptsTo = new();

    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    /// <summary>The sends tried to <paramref name="to"/>, failed ones included.</summary>
    public int AttemptsTo(string to) => _attemptsTo.Count(t => string.Equals(t, to, StringComparison.OrdinalIgnoreCase));

    /// <summary>Fails the next <paramref name="count"/> sends, only those to <paramref name="to"/> when given.</summary>
    public void FailNext(int count, string? to = null)
    {
        Volatile.Write(ref _failTo, to);
        Interlocked.Exchange(ref _failNext, count);
    }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _attemptsTo.Enqueue(message.To);
        var failTo = Volatile.Read(ref _failTo);
        if ((failTo is null || string.Equals(failTo, message.To, StringComparison.OrdinalIgnoreCase)) && Interlocked.Decrement(ref _failNext) >= 0)
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
