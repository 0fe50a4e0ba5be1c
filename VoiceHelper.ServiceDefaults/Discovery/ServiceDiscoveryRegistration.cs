using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace VoiceHelper.ServiceDefaults.Discovery;

/// <summary>Service discovery and resilience for every <see cref="HttpClient"/> the factory creates.</summary>
public static class ServiceDiscoveryRegistration
{
    /// <summary>Name of a plain client that resolves service names; typed clients get the same handlers.</summary>
    public const string DiscoveryClientName = "discovery";

    /// <summary>Configuration section that overrides the resilience defaults (<see cref="HttpStandardResilienceOptions"/>).</summary>
    public const string Section = "ServiceClients";

    /// <summary>
    /// Resolves <c>http://identity/...</c> through <c>services:identity:http:0</c> (Aspire's <c>services__*</c>
    /// variables, else DNS as in Kubernetes) and adds the standard resilience handler: per-attempt and total
    /// timeouts, a circuit breaker, and retries of transient failures for safe methods only (a retried POST could
    /// create a second conversation or charge a second answer).
    /// </summary>
    public static IServiceCollection AddVoiceHelperServiceDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDiscovery();
        var overrides = configuration.GetSection(Section);
        services.ConfigureHttpClientDefaults(http =>
        {
            var resilience = http.AddStandardResilienceHandler()
                .Configure(options =>
                {
                    // Answers from a model take longer than the library's 10 s per attempt.
                    options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                    options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
                    options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
                    options.Retry.MaxRetryAttempts = 2;
                    options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                });
            if (overrides.Exists())
            {
                resilience.Configure(overrides);
            }
            resilience.Configure(options => options.Retry.DisableFor(HttpMethod.Post, HttpMethod.Patch, HttpMethod.Connect));
            http.AddServiceDiscovery();
            // Streamed answers outlive HttpClient's 100 s default; the resilience timeouts govern instead.
            http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        });
        services.AddHttpClient(DiscoveryClientName);
        return services;
    }
}
