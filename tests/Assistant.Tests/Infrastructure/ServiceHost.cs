using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>One real service in process with the given settings and the test's signing key.</summary>
public sealed class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, RagKeys keys, bool kestrel = false)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public Uri Start()
    {
        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        // Creating the in-memory server starts the host, its hosted services and so its event consumers.
        _ = Server;
        return new Uri("http://localhost");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the tests must see what production answers.
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("RateLimits:PermitsPerIp", "100000");
        builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(new FixedSigningKeys(keys.Tokens.Key))));
    }
}
