namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

internal enum DeliveryResult
{
    Handled,
    Skipped,
    DeadLettered,
}
