using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Contracts;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.ServiceDefaults;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Messaging.Tests.Infrastructure;

/// <summary>
/// The consumer as a service runs it: a web application on loopback Kestrel with the real service defaults (JWT
/// validation, tenant context, ProblemDetails), the test handlers on the bus, and the real dead-letter admin endpoints.
/// Tokens are <see cref="TestTokens"/> validated with the test's key in place of Identity's JWKS.
/// </summary>
public sealed class AdminApp : IAsyncDisposable
{
    public const string Service = "consumer";

    private readonly WebApplication _app;

    private readonly TestTokens _tokens;

    private AdminApp(WebApplication app, TestTokens tokens, HttpClient client) => (_app, _tokens, Client) = (app, tokens, client);

    public HttpClient Client { get; }

    public PoisonSwitch Poison => _app.Services.GetRequiredService<PoisonSwitch>();

    public static async Task<AdminApp> StartAsync(BusSystem system)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Wolverine loads the pre-generated handler code of the test consumer's assembly.
            ApplicationName = typeof(ConsumerBus).Assembly.GetName().Name,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(system.Settings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Cache}"] = TestServers.Redis,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddTestBus(Service, "admin-app", consume: true);
        var tokens = new TestTokens();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(new KeySource(tokens.Key)));
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapEventBusAdmin(Service);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdminApp(app, tokens, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A request carrying a token of <paramref name="tenant"/> with <paramref name="role"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, Guid tenant, string role = Roles.Admin)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/admin/events/{Service}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Issue(tenant, Guid.NewGuid(), [role]));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tokens.Dispose();
    }

    private sealed class KeySource(SecurityKey key) : ISigningKeySource
    {
        public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [key];
    }
}
