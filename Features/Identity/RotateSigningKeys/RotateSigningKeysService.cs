using Microsoft.Extensions.Options;

namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>
/// Makes sure a signing key exists before the service answers (registered after the migrator, so the table
/// exists), then reloads the key set periodically so that keys created by another replica are published.
/// </summary>
public sealed class RotateSigningKeysService(SigningKeyStore store, IOptions<SigningKeyOptions> options, TimeProvider clock,
    ILogger<RotateSigningKeysService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureActiveKeyAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.EnsureActiveKeyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database outage must not stop the loop: the cached keys keep working meanwhile.
                logger.LogWarning(ex, "Reloading the signing keys failed");
            }
        }
    }
}
