using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// One handler in one receiving module for one integration event type. The dispatcher delivers an event to each
/// subscription inside the receiving module's own transaction, together with that module's inbox row.
/// </summary>
public sealed class IntegrationEventSubscription
{
    private readonly Func<object, IIntegrationEvent, CancellationToken, Task> _invoke;

    private IntegrationEventSubscription(Type eventType, Type handlerType, Type dbContextType, Func<object, IIntegrationEvent, CancellationToken, Task> invoke)
    {
        EventType = eventType;
        HandlerType = handlerType;
        DbContextType = dbContextType;
        _invoke = invoke;
        Name = handlerType.FullName ?? handlerType.Name;
    }

    /// <summary>The event contract type.</summary>
    public Type EventType { get; }

    /// <summary>The handler class (registered in DI as itself, scoped).</summary>
    public Type HandlerType { get; }

    /// <summary>The receiving module's DbContext, which holds its inbox.</summary>
    public Type DbContextType { get; }

    /// <summary>The inbox key of the handler.</summary>
    public string Name { get; }

    /// <summary>Creates the subscription of <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>.</summary>
    public static IntegrationEventSubscription Create<TEvent, THandler>(Type dbContextType)
        where TEvent : IIntegrationEvent
        where THandler : IIntegrationEventHandler<TEvent> =>
        new(typeof(TEvent), typeof(THandler), dbContextType, (handler, e, ct) => ((THandler)handler).Handle((TEvent)e, ct));

    internal Task Invoke(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        _invoke(handler, integrationEvent, cancellationToken);
}
