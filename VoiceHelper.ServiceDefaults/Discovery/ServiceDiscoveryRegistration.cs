using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VoiceHelper.ServiceDefaults.Discovery;

public static class ServiceDiscoveryRegistration
{
    /// <summary>Name of a plain client that resolves service names; typed clients get the same handlers.</summary>
    public const string DiscoveryClientName = "discovery";

    /// <summary>Every <see cref="HttpClient"/> from the factory resolves service names and gets timeouts and idempotent retries.</summary>
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        services.AddOptions<ServiceClientOptions>().BindConfiguration(ServiceClientOptions.Section);
        services.ConfigureHttpClientDefaults(http => http
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<IOptions<ServiceClientOptions>>().Value))
            .AddHttpMessageHandler(sp => new ServiceDiscoveryHandler(sp.GetRequiredService<IConfiguration>()))
            // Streaming answers can take longer than HttpClient's 100 s default; the per-attempt timeout governs.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan));
        services.AddHttpClient(DiscoveryClientName);
        return services;
    }
}
