using VoiceHelper.Contracts.Events;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>Fails on every attempt while its document is poisoned (so the event ends in the dead letters), records an effect otherwise.</summary>
public sealed class PoisonableHandler
{
    public static async Task HandleAsync(DocumentFailed @event, EffectsDbContext db, PoisonSwitch poison, ConsumerInstance instance,
        CancellationToken cancellationToken)
    {
        if (poison.Refuses(@event.DocumentId))
        {
            throw new InvalidOperationException($"document {@event.DocumentId} is poisoned");
        }
        db.Effects.Add(new Effect { EventId = @event.DocumentId, TenantId = @event.TenantId, HandledBy = instance.Name });
        await db.SaveChangesAsync(cancellationToken);
    }
}
