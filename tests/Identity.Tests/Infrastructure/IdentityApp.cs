using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>
/// The Identity service in process, on its own fresh database and the shared test Redis, with a movable clock.
/// One per test class (tests in a class run one after another, so moving the clock is safe there).
/// </summary>
public class IdentityApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;

    public TestClock Clock { get; } = new();

    /// <summary>Distinct per app so that a test can prove another key-encryption key cannot read the keys.</summary>
    public string KeyEncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The real Knowledge service, for variants that create widget keys (see <see cref="WithKnowledge"/>).</summary>
    public KnowledgeBeside? Knowledge { get; private set; }

    /// <summary>Start <see cref="Knowledge"/> beside Identity: a widget key's knowledge bases are looked up there.</summary>
    protected virtual bool WithKnowledge => false;

    public virtual async ValueTask InitializeAsync()
    {
        _connectionString = await TestServers.CreateDatabaseAsync("identity");
        if (WithKnowledge)
        {
            Knowledge = await KnowledgeBeside.StartAsync(() => Services.GetRequiredService<ISigningKeySource>());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Knowledge is not null)
        {
            await Knowledge.DisposeAsync();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient ClientWithToken(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>The base address when the app runs on Kestrel (see <see cref="KestrelIdentityApp"/>).</summary>
    public Uri ListeningAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the tests must see what production answers.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:identitydb", ConnectionString);
        builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
        builder.UseSetting("SigningKeys:KeyEncryptionKey", KeyEncryptionKey);
        // Every test client shares one IP: the per-IP limit gets its own test (RateLimitTests).
        builder.UseSetting("RateLimits:AuthPermitsPerIp", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (Knowledge is not null)
        {
            builder.UseSetting("Knowledge:BaseAddress", Knowledge.Address.ToString());
        }
        Configure(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Hook for variants that need other settings.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }
}
