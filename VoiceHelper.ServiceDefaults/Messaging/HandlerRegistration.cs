using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// One (group, topic, type) a process consumes. Decoding is separate from handling because a payload that
/// does not decode can never succeed: it is dead-lettered at once instead of being retried.
/// </summary>
internal sealed record HandlerRegistration(
    string Group,
    string Topic,
    string Type,
    Func<string, object> Decode,
    Func<IServiceProvider, object, EventContext, CancellationToken, Task> Handle)
{
    public static HandlerRegistration For<TEvent, THandler>(string group)
        where TEvent : IIntegrationEvent
        where THandler : IEventHandler<TEvent> =>
        new(group, TEvent.Topic, typeof(TEvent).Name,
            payload => JsonSerializer.Deserialize<TEvent>(payload, StrictJson)
                ?? throw new JsonException("The payload is null."),
            (services, @event, context, ct) => services.GetRequiredService<THandler>().HandleAsync((TEvent)@event, context, ct));

    /// <summary>Missing required fields and nulls in non-nullable ones are malformed input, not defaults.</summary>
    private static readonly JsonSerializerOptions StrictJson = new(EventJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
