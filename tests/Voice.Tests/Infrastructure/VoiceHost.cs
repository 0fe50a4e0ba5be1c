using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// The voice worker on a loopback port (WebSockets must be real), talking to <paramref name="conversations"/> and
/// publishing to the test event bus. Engines are the embedded ones unless the models folder is configured. A
/// <paramref name="front"/> adds routes on the same origin, as the gateway has them.
/// </summary>
public sealed class VoiceHost(TestTokens tokens, Uri conversations, string events, IReadOnlyDictionary<string, string?> settings, IStartupFilter? front = null)
    : WebApplicationFactory<Program>
{
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public void Start()
    {
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Voice:ConversationsAddress", conversations.ToString());
        builder.UseSetting("ConnectionStrings:eventsdb", events);
        foreach (var (key, value) in TestBus.ForEventsDb(events))
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("RateLimits:PermitsPerIp", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ISigningKeySource>(new TestKeySource(tokens));
            if (front is not null)
            {
                services.AddSingleton(front);
            }
        });
    }
}
