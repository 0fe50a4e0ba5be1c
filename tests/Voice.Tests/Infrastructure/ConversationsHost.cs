extern alias conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>The real Conversations service on a loopback port, on fresh databases and the test Redis, answering through the fake Assistant (<see cref="FakeAssistant"/>).</summary>
public sealed class ConversationsHost(TestTokens tokens, string database, string events, Uri assistant) : WebApplicationFactory<conversations::Program>
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
        builder.UseSetting("ConnectionStrings:conversationsdb", database);
        builder.UseSetting("ConnectionStrings:eventsdb", events);
        foreach (var (key, value) in TestBus.ForEventsDb(events))
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
        builder.UseSetting("services:assistant:http:0", assistant.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("RateLimits:PermitsPerIp", "100000");
        builder.UseSetting("Jwt:ClockSkew", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<ISigningKeySource>(new TestKeySource(tokens)));
    }
}
