using VoiceHelper.Contracts.Events;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>
/// Records one row per usage.recorded event through the DbContext: Wolverine's transaction commits the row with the
/// inbox mark, so a redelivery after a crash finds the event handled and adds nothing.
/// </summary>
public sealed class RecordEffectHandler
{
    public static async Task HandleAsync(UsageRecorded @event, EffectsDbContext db, ConsumerInstance instance, CancellationToken cancellationToken)
    {
        db.Effects.Add(new Effect { EventId = @event.UsageId, TenantId = @event.TenantId, HandledBy = instance.Name });
        await db.SaveChangesAsync(cancellationToken);
    }
}
