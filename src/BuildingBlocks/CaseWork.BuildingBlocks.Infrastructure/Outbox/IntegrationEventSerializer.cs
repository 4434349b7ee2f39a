using System.Text.Json;
using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Turns integration events into outbox rows and back.</summary>
public static class IntegrationEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The stored type name: full name and assembly name, without version, so a redeploy still reads old rows.</summary>
    public static string TypeName(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return $"{eventType.FullName}, {eventType.Assembly.GetName().Name}";
    }

    /// <summary>Creates the outbox row for an event.</summary>
    public static OutboxMessage ToOutboxMessage(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = TypeName(type),
            Content = JsonSerializer.Serialize(integrationEvent, type, Options),
            OccurredAt = integrationEvent.OccurredAt.ToUniversalTime(),
        };
    }

    /// <summary>Reads the event back; throws when its contract type is unknown to this build.</summary>
    public static IIntegrationEvent Deserialize(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = Type.GetType(message.Type, throwOnError: false)
            ?? throw new InvalidOperationException($"Integration event type '{message.Type}' is not known to this build.");
        return JsonSerializer.Deserialize(message.Content, type, Options) as IIntegrationEvent
            ?? throw new InvalidOperationException($"Outbox message {message.Id} is not an integration event of type '{message.Type}'.");
    }
}
