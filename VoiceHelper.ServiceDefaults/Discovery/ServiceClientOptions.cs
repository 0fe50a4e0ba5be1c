namespace VoiceHelper.ServiceDefaults.Discovery;

/// <summary>Timeouts and retries for calls between services.</summary>
public sealed class ServiceClientOptions
{
    public const string Section = "ServiceClients";

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxRetries { get; set; } = 2;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
