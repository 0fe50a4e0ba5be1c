using System.Reflection;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// The event handlers of one service. Wolverine finds only these (conventional discovery is off, so MediatR's
/// request handlers are never mistaken for message handlers); the topics the service listens to follow from the
/// event types their <c>Handle</c>/<c>HandleAsync</c> methods take.
/// </summary>
public sealed class EventSubscriptions
{
    private readonly List<Type> _handlers = [];

    public IReadOnlyList<Type> Handlers => _handlers;

    /// <summary>Subscribes <typeparamref name="THandler"/>: a plain class with a <c>HandleAsync(TEvent, ...)</c> method per event it consumes.</summary>
    public EventSubscriptions Handler<THandler>() where THandler : class
    {
        if (!_handlers.Contains(typeof(THandler)))
        {
            _handlers.Add(typeof(THandler));
        }
        return this;
    }

    /// <summary>Every event type a subscribed handler consumes, once.</summary>
    public IReadOnlyList<Type> EventTypes() =>
        _handlers
            .SelectMany(h => h.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync")
            .Select(m => m.GetParameters().FirstOrDefault()?.ParameterType)
            .OfType<Type>()
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t))
            .Distinct()
            .ToList();
}
