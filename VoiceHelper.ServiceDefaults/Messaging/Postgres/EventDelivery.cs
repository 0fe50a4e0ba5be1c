using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Delivers one event to its handler: decode once, then try up to MaxAttempts times with exponential back-off.
/// Retrying in place keeps the partition's order (later events of the key wait); bad input (an unknown type,
/// a payload that does not decode) cannot get better and is dead-lettered without retries.
/// </summary>
internal sealed class EventDelivery(
    string group,
    IReadOnlyDictionary<(string Topic, string Type), HandlerRegistration> handlers,
    IServiceScopeFactory scopes,
    EventBusOptions options,
    ILogger logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        var envelope = stored.Envelope;
        if (!handlers.TryGetValue((envelope.Topic, envelope.Type), out var handler))
        {
            return DeliveryOutcome.Dead($"unknown_type: no handler in group '{group}' for type '{envelope.Type}' on topic '{envelope.Topic}'.", 1);
        }
        object @event;
        try
        {
            @event = handler.Decode(envelope.Payload);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return DeliveryOutcome.Dead($"malformed_payload: {ex.Message}", 1);
        }

        Exception? last = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            using var activity = MessagingTelemetry.StartProcess(envelope, group, stored.Partition, stored.Offset);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = new EventContext(envelope, group, stored.Partition, stored.Offset, attempt);
                await handler.Handle(scope.ServiceProvider, @event, context, cancellationToken);
                return DeliveryOutcome.Handled;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                last = ex;
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                logger.LogWarning(ex, "Handler of {Topic} in group {Group} failed on attempt {Attempt} of {MaxAttempts} for event {EventId}",
                    envelope.Topic, group, attempt, options.MaxAttempts, envelope.Id);
            }
            if (attempt < options.MaxAttempts)
            {
                await Task.Delay(Backoff.After(attempt, options.InitialBackoff, options.MaxBackoff), cancellationToken);
            }
        }
        return DeliveryOutcome.Dead($"handler_failed: {last!.GetType().Name}: {last.Message}", options.MaxAttempts);
    }
}
