using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Channels;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.Appointments.Features.SendReminders;

/// <summary>The sweep: sends every reminder that is due, once, and marks it sent or failed. Returns how many were handed to a channel.</summary>
internal sealed record SendDueReminders(int MaxBatches = 100) : ICommand<int>;

/// <summary>
/// Claims due rows with one conditional UPDATE (ADR 0014), so two host instances on one PostgreSQL never both send a row:
/// the second UPDATE waits for the first one's row lock and then no longer matches. A claim is a lease: if the instance dies
/// between claiming and marking, the row becomes due again when the lease ends (then it may go out twice — the only case).
/// </summary>
internal sealed partial class SendDueRemindersHandler(
    AppointmentsDbContext db, ReminderDispatcher dispatcher, TimeProvider time, ILogger<SendDueRemindersHandler> logger)
    : ICommandHandler<SendDueReminders, int>
{
    public const int BatchSize = 100;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<Result<int>> Handle(SendDueReminders command, CancellationToken cancellationToken)
    {
        var handed = 0;
        for (var batch = 0; batch < command.MaxBatches; batch++)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var reminder in claimed)
            {
                var now = time.GetUtcNow();
                try
                {
                    await dispatcher.SendAsync(reminder, cancellationToken);
                    reminder.MarkSent(now);
                    handed++;
                }
                // A channel that times out throws a cancellation too; only our own stopping is not the channel's failure.
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    reminder.MarkFailed(now, ex.GetType().Name + ": " + ex.Message);
                    LogFailed(reminder.Id, reminder.Attempts, ex.Message);
                }

                // Marked one by one, so a crash mid-batch re-sends at most the one in hand.
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return handed;
    }

    private async Task<List<Reminder>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var leaseEnd = now + Lease;
        var due = Due(now);
        var candidates = await due.OrderBy(r => r.NextAttemptAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        await Due(now).Where(r => candidates.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, leaseEnd), cancellationToken);
        return await db.Reminders.IgnoreQueryFilters().Where(r => r.ClaimToken == token).ToListAsync(cancellationToken);
    }

    // System path over all offices: the sweep reads rows, not case content, and sends each with its own office's text.
    private IQueryable<Reminder> Due(DateTimeOffset now) => db.Reminders.IgnoreQueryFilters()
        .Where(r => r.NextAttemptAt != null && r.NextAttemptAt <= now
                    && (r.State == ReminderState.Scheduled || r.State == ReminderState.Failed)
                    && (r.ClaimedUntil == null || r.ClaimedUntil < now));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} failed (attempt {Attempt}): {Error}")]
    private partial void LogFailed(Guid reminderId, int attempt, string error);
}
