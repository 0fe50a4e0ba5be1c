namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>What became of one event in one group: handled, skipped (not for this group, or already processed), or dead.</summary>
internal sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null, int Attempts = 0)
{
    public static readonly DeliveryOutcome Handled = new(DeliveryResult.Handled);
    public static readonly DeliveryOutcome Skipped = new(DeliveryResult.Skipped);

    public static DeliveryOutcome Dead(string error, int attempts) => new(DeliveryResult.DeadLettered, error, attempts);
}
