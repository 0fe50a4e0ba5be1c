using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Bench;

/// <summary>A real service in process, trusting the bench's own token key instead of Identity's JWKS.</summary>
internal sealed class BenchHost<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, SecurityKey key, bool kestrel)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public Uri Start()
    {
        // Outside a test project the factory finds no content-root manifest; the services need no content files.
        var assembly = typeof(TEntryPoint).Assembly.GetName().Name!.Replace('.', '_').ToUpperInvariant();
        Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{assembly}", AppContext.BaseDirectory);
        if (!kestrel)
        {
            _ = Server;
            return new Uri("http://localhost");
        }
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("RateLimits:PermitsPerUser", "1000000");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(new BenchKeys(key))));
    }

    private sealed class BenchKeys(SecurityKey key) : ISigningKeySource
    {
        public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [key];
    }
}
