using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceHelper.Identity.Bench;

/// <summary>The real Identity service on a loopback port, on a fresh database, limits raised for load.</summary>
internal sealed class IdentityHost(string connectionString, string redis) : WebApplicationFactory<Program>
{
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        // The service needs no files; without this the factory looks for a content root beside the solution.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:identitydb", connectionString);
        builder.UseSetting("ConnectionStrings:cache", redis);
        builder.UseSetting("SigningKeys:KeyEncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("RateLimits:AuthPermitsPerIp", "1000000");
        builder.UseSetting("RateLimits:PermitsPerIp", "1000000");
        builder.UseSetting("AccountThrottle:PermitsPerWindow", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
