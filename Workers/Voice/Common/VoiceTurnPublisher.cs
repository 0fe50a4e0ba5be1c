using VoiceHelper.Contracts.Events;
using Wolverine;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// The one place Voice publishes events (<c>voice.turn_completed</c>). Voice has no database of its own, so its
/// Wolverine outbox lives in <c>eventsdb</c>; the turn is already stored by Conversations, which is why a publish
/// needs no shared transaction. Without a configured bus (no <c>ConnectionStrings:eventsdb</c>) turns are logged,
/// not published: a call must not fail because statistics cannot be recorded.
/// </summary>
public sealed class VoiceTurnPublisher(IServiceScopeFactory scopes, ILogger<VoiceTurnPublisher> logger)
{
    public async Task PublishAsync(VoiceTurnCompleted turn)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetService<IMessageBus>();
        if (bus is null)
        {
            logger.LogDebug("Voice turn {TurnId} completed; no event bus is configured", turn.TurnId);
            return;
        }
        try
        {
            await bus.PublishAsync(turn);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "voice.turn_completed for turn {TurnId} was not published", turn.TurnId);
        }
    }
}
