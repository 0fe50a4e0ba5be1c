using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Holds one connection in LISTEN on a channel and reports notifications, reconnecting after a failure.
/// After every (re)connect it reports a null payload: notifications sent while it was away are lost, so
/// listeners must look for work.
/// </summary>
internal static class NotificationListener
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, string channel, Action<string?> onNotification, ILogger logger,
        CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => onNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                onNotification(null);
                while (!cancellationToken.IsCancellationRequested)
                {
                    // A silent socket may be dead: ping it now and then so a lost server is noticed and reconnected.
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listening on {Channel} failed; reconnecting", channel);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
