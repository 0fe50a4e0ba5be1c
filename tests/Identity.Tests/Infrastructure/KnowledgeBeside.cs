extern alias knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;
using KnowledgeEntryPoint = knowledge::VoiceHelper.Knowledge.Common.KnowledgeOptions;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>
/// The real Knowledge service on its own loopback port and fresh databases, beside an Identity whose widget keys ask it
/// about their knowledge bases. It validates the tokens Identity issues with Identity's own signing keys.
/// </summary>
public sealed class KnowledgeBeside(Func<ISigningKeySource> identityKeys) : WebApplicationFactory<KnowledgeEntryPoint>
{
    private string _knowledgeDb = "";
    private string _eventsDb = "";

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<KnowledgeBeside> StartAsync(Func<ISigningKeySource> identityKeys)
    {
        var app = new KnowledgeBeside(identityKeys)
        {
            _knowledgeDb = await TestServers.CreateDatabaseAsync("knowledge"),
            _eventsDb = await TestServers.CreateDatabaseAsync("events"),
        };
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:knowledgedb", _knowledgeDb);
        builder.UseSetting("ConnectionStrings:eventsdb", _eventsDb);
        foreach (var (name, value) in TestBus.ForEventsDb(_eventsDb))
        {
            builder.UseSetting(name, value);
        }
        builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
        builder.UseSetting("Embeddings:Provider", "hashed-ngram");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<ISigningKeySource>(new IdentityKeys(identityKeys)));
    }

    private sealed class IdentityKeys(Func<ISigningKeySource> keys) : ISigningKeySource
    {
        public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => keys().GetKeys(keyId);
    }
}
