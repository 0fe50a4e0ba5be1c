using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>Ready only when the bus database answers: a service that cannot publish or consume is not ready.</summary>
internal sealed class BusHealthCheck(BusDataSource bus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var command = bus.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The event bus database is unreachable.", ex);
        }
    }
}
