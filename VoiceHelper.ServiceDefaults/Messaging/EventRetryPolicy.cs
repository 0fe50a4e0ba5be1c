using JasperFx.CodeGeneration;
using VoiceHelper.Contracts.Events;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// The error policy of each event kind (<see cref="EventBusOptions.RetryFor"/>): retries with exponential back-off,
/// then the dead letters. Handlers never catch to retry.
/// </summary>
internal sealed class EventRetryPolicy(EventBusOptions options) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, JasperFx.IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => typeof(IIntegrationEvent).IsAssignableFrom(c.MessageType)))
        {
            var delays = options.RetryFor(EventTopic.Of(chain.MessageType)).Delays();
            if (delays.Length == 0)
            {
                chain.OnAnyException().MoveToErrorQueue();
            }
            else
            {
                chain.OnAnyException().RetryWithCooldown(delays).Then.MoveToErrorQueue();
            }
        }
    }
}
