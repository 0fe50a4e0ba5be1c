namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

internal static class Delays
{
    /// <summary>Waits after a failure; returns early, without throwing, when the host stops.</summary>
    public static async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop condition ends it.
        }
    }
}
