using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Bench;

/// <summary>
/// "Another service": only ServiceDefaults (JWKS from Identity over HTTP, revocation check in Redis) and two
/// no-op endpoints, one authenticated and one anonymous, whose difference is the cost of token validation.
/// </summary>
internal static class ProbeHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Uri identity, string redis)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = redis,
            ["Jwt:MetadataAddress"] = new Uri(identity, "/.well-known/openid-configuration").ToString(),
            ["RateLimits:PermitsPerUser"] = "100000000",
            ["RateLimits:PermitsPerIp"] = "100000000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapGet("/noop", () => TypedResults.NoContent()).RequireAuthorization(Policies.Authenticated);
        app.MapGet("/noop-anonymous", () => TypedResults.NoContent()).AllowAnonymous();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return (app, address);
    }
}
