using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.Infrastructure;

/// <summary>
/// The Conversations service on a real loopback port (client disconnects must be real), on fresh databases, the
/// test Redis (or the one a test starts) and a <see cref="FakeAssistant"/>; tokens come from <see cref="Tokens"/>.
/// </summary>
public class ConversationsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _db;
    private string? _events;

    public TestTokens Tokens { get; } = new();
    public FakeAssistant Assistant { get; private set; } = null!;
    public string ConnectionString => _db!;

    /// <summary>The Redis the service uses; a test that stops Redis overrides it.</summary>
    protected virtual string Redis => TestServers.Redis;

    public virtual async ValueTask InitializeAsync()
    {
        _db = await TestServers.CreateDatabaseAsync("conversations");
        _events = await TestServers.CreateDatabaseAsync("conv_events");
        Assistant = await FakeAssistant.StartAsync();
        UseKestrel(0);
        StartServer();
    }

    public Uri ListeningAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient ClientFor(Caller caller)
    {
        var client = new HttpClient { BaseAddress = ListeningAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        return client;
    }

    /// <summary>A user in a fresh tenant (or in <paramref name="tenantId"/>).</summary>
    public Caller NewCaller(Guid? tenantId = null, string role = "member")
    {
        var tenant = tenantId ?? Guid.NewGuid();
        var user = Guid.NewGuid();
        return new Caller(tenant, user, Tokens.Issue(tenant, user, [role]));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:conversationsdb", _db);
        builder.UseSetting("ConnectionStrings:eventsdb", _events);
        foreach (var (name, value) in TestBus.ForEventsDb(_events!))
        {
            builder.UseSetting(name, value);
        }
        builder.UseSetting("ConnectionStrings:cache", Redis);
        builder.UseSetting("services:assistant:http:0", Assistant.Address.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("RateLimits:PermitsPerIp", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<ISigningKeySource>(new TestKeySource(Tokens)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Assistant.DisposeAsync();
        Tokens.Dispose();
        GC.SuppressFinalize(this);
    }
}
