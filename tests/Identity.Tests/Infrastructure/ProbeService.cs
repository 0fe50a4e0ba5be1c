using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>
/// Another VoiceHelper service, hosted separately on its own loopback port: nothing but ServiceDefaults and one
/// authenticated endpoint. It knows Identity only by its JWKS URL and shares only Redis with it.
/// </summary>
public sealed class ProbeService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeService(WebApplication app) => _app = app;

    /// <summary>A client that presents <paramref name="credential"/> (an access token or an API key) as a bearer token.</summary>
    public HttpClient CreateClient(string credential)
    {
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", credential);
        return client;
    }

    public static async Task<ProbeService> StartAsync(Uri identity)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Jwt:MetadataAddress"] = new Uri(identity, "/.well-known/openid-configuration").ToString(),
            ["ApiKeys:IdentityAddress"] = identity.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapGet("/probe", (ClaimsPrincipal user) => TypedResults.Ok(new { tenant = user.FindFirstValue("tenant") }))
            .RequireAuthorization(Policies.Authenticated);
        app.MapGet("/probe/chat", (ClaimsPrincipal user) => TypedResults.Ok(new
            {
                tenant = user.FindFirstValue("tenant"),
                scopes = user.FindAll("scope").Select(c => c.Value).ToArray(),
            }))
            .RequireAuthorization(Policies.Chat);
        app.MapGet("/probe/converse", (ClaimsPrincipal user) => TypedResults.Ok(new
            {
                tenant = user.FindFirstValue("tenant"),
                sub = user.FindFirstValue("sub"),
                widget_key = user.FindFirstValue("widget_key"),
                origin = user.FindFirstValue("origin"),
                kb_ids = user.FindAll("kb_id").Select(c => c.Value).ToArray(),
            }))
            .RequireAuthorization(Policies.Converse);
        await app.StartAsync();
        return new ProbeService(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
