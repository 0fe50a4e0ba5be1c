using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Only to build a decoder for any event type; never invoked.</summary>
public sealed class NoHandler<TEvent> : IEventHandler<TEvent> where TEvent : IIntegrationEvent
{
    public Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
