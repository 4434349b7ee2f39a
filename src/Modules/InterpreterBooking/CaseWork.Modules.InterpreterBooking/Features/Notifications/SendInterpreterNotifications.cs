using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.InterpreterBooking.Features.Notifications;

/// <summary>The sweep: sends every interpreter notification that is due, once, and marks it sent or failed. Returns how many were sent.</summary>
internal sealed record SendInterpreterNotifications(int MaxBatches = 50) : ICommand<int>;

/// <summary>
/// Claims due rows with one conditional UPDATE and a lease, as Appointments' reminders do (ADR 0014), so two host instances
/// never both send a row; marks each row on its own, so a crash mid-batch re-sends at most the one in hand.
/// </summary>
internal sealed partial class SendInterpreterNotificationsHandler(
    InterpreterBookingDbContext db,
    IEmailSender email,
    IOfficeDirectory directory,
    TimeProvider clock,
    ILogger<SendInterpreterNotificationsHandler> logger) : ICommandHandler<SendInterpreterNotifications, int>
{
    public const int BatchSize = 50;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<Result<int>> Handle(SendInterpreterNotifications command, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var batch = 0; batch < command.MaxBatches; batch++)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var notification in claimed)
            {
                try
                {
                    var address = notification.Address ?? (await directory.GetUserAsync(notification.InterpreterId, cancellationToken))?.Email;
                    if (string.IsNullOrWhiteSpace(address))
                    {
                        notification.MarkNoAddress();
                    }
                    else
                    {
                        await email.SendAsync(new EmailMessage(address, notification.Subject, notification.Body, "de"), cancellationToken);
                        notification.MarkSent(address, clock.GetUtcNow());
                        sent++;
                    }
                }
                // A mail server that times out throws a cancellation too; only our own stopping is not the server's failure.
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    notification.MarkFailed(clock.GetUtcNow(), ex.GetType().Name + ": " + ex.Message);
                    LogFailed(notification.Id, notification.Attempts, ex.Message);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        await RedactPastJobsAsync(cancellationToken);
        return sent;
    }

    /// <summary>
    /// A mail's text names the job's place or dial-in and the client's initials. Once the interpreter may no longer see the
    /// job's details (the office's <see cref="BookingPolicy.DetailAccessDays"/> after it ended) the stored text is emptied;
    /// that the interpreter was told, what kind of news, when and where to, stays. Mails still to be sent are left alone.
    /// Returns how many were emptied.
    /// </summary>
    internal async Task<int> RedactPastJobsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var finished = Unredacted(db);
        var offices = await finished.Select(n => n.OfficeId).Distinct().ToListAsync(cancellationToken);
        var redacted = 0;
        foreach (var office in offices)
        {
            var cutoff = now - TimeSpan.FromDays((await db.PolicyForAsync(office, cancellationToken)).DetailAccessDays);
            var requests = db.Requests.IgnoreQueryFilters().Where(r => r.OfficeId == office && r.End < cutoff);
            redacted += await finished
                .Where(n => n.OfficeId == office && requests.Any(r => r.Id == n.RequestId))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Body, ""), cancellationToken);
        }

        return redacted;
    }

    /// <summary>Notifications no longer to be sent whose text is still stored.</summary>
    internal static IQueryable<InterpreterNotification> Unredacted(InterpreterBookingDbContext db) =>
        db.Notifications.IgnoreQueryFilters()
            .Where(n => n.Body != "" && (n.State == NotificationState.Sent || n.State == NotificationState.NoAddress
                                         || (n.State == NotificationState.Failed && n.NextAttemptAt == null)));

    private async Task<List<InterpreterNotification>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var leaseEnd = now + Lease;
        var candidates = await Due(now).OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        await Due(now).Where(n => candidates.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimToken, token).SetProperty(n => n.ClaimedUntil, leaseEnd), cancellationToken);
        return await db.Notifications.IgnoreQueryFilters().Where(n => n.ClaimToken == token).ToListAsync(cancellationToken);
    }

    // System path over all offices: the rows hold the finished text, no case content.
    private IQueryable<InterpreterNotification> Due(DateTimeOffset now) => db.Notifications.IgnoreQueryFilters()
        .Where(n => n.NextAttemptAt != null && n.NextAttemptAt <= now
                    && (n.State == NotificationState.Pending || n.State == NotificationState.Failed)
                    && (n.ClaimedUntil == null || n.ClaimedUntil < now));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} to an interpreter failed (attempt {Attempt}): {Error}")]
    private partial void LogFailed(Guid notificationId, int attempt, string error);
}
