using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceHelper.Testing;

/// <summary>
/// One real service in process on a loopback port, with the given settings and nothing replaced: it finds the others
/// through <c>services:{name}:http:0</c> as Aspire tells it, and trusts Identity's JWKS as in production.
/// </summary>
public sealed class LoopbackService<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts on <paramref name="port"/> (a free one when 0; a fixed one lets others know the address first).</summary>
    public Uri Start(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        return Address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("RateLimits:PermitsPerIp", "100000");
        builder.UseSetting("RateLimits:AuthPermitsPerIp", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
