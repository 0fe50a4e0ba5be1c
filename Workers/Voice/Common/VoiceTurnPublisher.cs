using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// The one place Voice publishes events (<c>voice.turn_completed</c>), so a change of bus touches only this class.
/// Without a configured bus (no <c>ConnectionStrings:eventsdb</c>) turns are logged, not published: a call must not
/// fail because statistics cannot be recorded.
/// </summary>
public sealed class VoiceTurnPublisher(IServiceProvider services, ILogger<VoiceTurnPublisher> logger)
{
    private readonly IEventPublisher? publisher = services.GetService<IEventPublisher>();

    public async Task PublishAsync(VoiceTurnCompleted turn)
    {
        if (publisher is null)
        {
            logger.LogDebug("Voice turn {TurnId} completed; no event bus is configured", turn.TurnId);
            return;
        }
        try
        {
            await publisher.PublishAsync(turn);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "voice.turn_completed for turn {TurnId} was not published", turn.TurnId);
        }
    }
}
