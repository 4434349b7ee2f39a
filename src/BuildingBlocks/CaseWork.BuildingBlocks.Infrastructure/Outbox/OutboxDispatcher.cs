using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Delivers pending outbox messages of every module, in process, to the subscribed handlers of the receiving
/// modules. Each subscriber is attempted on its own, so a failing handler in one module does not hold back the
/// others. A message is marked processed only when every subscriber has handled it; a failure leaves it pending
/// with its attempt count, last error and a back-off time, and subscribers that already succeeded skip it on the
/// retry through their inbox. Safe to run on several host instances: the inbox key makes a double delivery a no-op.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<IntegrationEventSubscription> _subscriptions;
    private readonly IReadOnlyList<Type> _outboxContexts;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    /// <summary>Creates the dispatcher over the registered module outboxes and subscriptions.</summary>
    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IEnumerable<IntegrationEventSubscription> subscriptions,
        IEnumerable<ModuleOutboxRegistration> outboxes,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _subscriptions = subscriptions.ToList();
        _outboxContexts = outboxes.Select(o => o.DbContextType).Distinct().ToList();
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Drains every module's outbox once; returns how many messages were completed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        foreach (var contextType in _outboxContexts)
        {
            completed += await DrainAsync(contextType, cancellationToken);
        }

        return completed;
    }

    private async Task<int> DrainAsync(Type contextType, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var now = _time.GetUtcNow();
        var batch = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.OccurredAt)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var completed = 0;
        foreach (var message in batch)
        {
            var failures = await DeliverToEverySubscriberAsync(message, cancellationToken);
            if (failures.Count == 0)
            {
                message.ProcessedAt = _time.GetUtcNow();
                message.NextAttemptAt = null;
                completed++;
            }
            else
            {
                message.Attempts++;
                message.LastError = Truncate(string.Join(Environment.NewLine, failures), 4000);
                message.NextAttemptAt = _time.GetUtcNow() + Backoff(message.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return completed;
    }

    /// <summary>Attempts every subscriber of the message; returns what failed, empty when all have handled it.</summary>
    private async Task<List<string>> DeliverToEverySubscriberAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        IIntegrationEvent integrationEvent;
        try
        {
            integrationEvent = IntegrationEventSerializer.Deserialize(message);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(message.Id, message.Type, "(deserialisation)", message.Attempts + 1, ex);
            failures.Add($"{ex.GetType().Name}: {ex.Message}");
            return failures;
        }

        foreach (var subscription in _subscriptions.Where(s => s.EventType == integrationEvent.GetType()))
        {
            try
            {
                await DeliverAsync(subscription, integrationEvent, message.Type, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogDeliveryFailed(message.Id, message.Type, subscription.Name, message.Attempts + 1, ex);
                failures.Add($"{subscription.HandlerType.Name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return failures;
    }

    private async Task DeliverAsync(IntegrationEventSubscription subscription, IIntegrationEvent integrationEvent, string typeName, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(subscription.DbContextType);

        if (await AlreadyHandledAsync(db, integrationEvent.EventId, subscription.Name, cancellationToken))
        {
            LogRedeliverySkipped(integrationEvent.EventId, subscription.Name);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);
            await subscription.Invoke(handler, integrationEvent, cancellationToken);
            db.InboxMessages.Add(new InboxMessage
            {
                MessageId = integrationEvent.EventId,
                Handler = subscription.Name,
                Type = typeName,
                ProcessedAt = _time.GetUtcNow(),
            });

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (!await HandledElsewhereAsync(subscription, integrationEvent.EventId, cancellationToken))
                {
                    throw;
                }

                // Another host instance handled the same message first; its transaction won, ours rolled back.
                LogRedeliverySkipped(integrationEvent.EventId, subscription.Name);
            }
        });
    }

    private static Task<bool> AlreadyHandledAsync(ModuleDbContext db, Guid messageId, string handler, CancellationToken cancellationToken) =>
        db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Handler == handler, cancellationToken);

    private async Task<bool> HandledElsewhereAsync(IntegrationEventSubscription subscription, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(subscription.DbContextType);
        return await AlreadyHandledAsync(db, messageId, subscription.Name, cancellationToken);
    }

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * factor, _options.RetryMaxDelay.Ticks));
        return delay;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering integration event {MessageId} ({Type}) to {Handler} failed, attempt {Attempts}; it will be retried")]
    private partial void LogDeliveryFailed(Guid messageId, string type, string handler, int attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Integration event {MessageId} was already handled by {Handler}; redelivery skipped")]
    private partial void LogRedeliverySkipped(Guid messageId, string handler);
}

/// <summary>Registers a module DbContext whose outbox the dispatcher drains.</summary>
/// <param name="DbContextType">The module's DbContext type.</param>
public sealed record ModuleOutboxRegistration(Type DbContextType);
