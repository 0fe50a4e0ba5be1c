using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Knowledge.Tests.Infrastructure;

/// <summary>
/// The Knowledge service in process on fresh knowledgedb/eventsdb databases and the shared test Redis, with an
/// optional real Ingestion worker process consuming its events (see <see cref="WithWorker"/>).
/// </summary>
// Named by a type of the Knowledge assembly rather than its Program: the Ingestion tests link this file and load both web apps.
public class KnowledgeApp : WebApplicationFactory<KnowledgeOptions>, IAsyncLifetime
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    public TestTokens Tokens { get; } = new();
    /// <summary>Fresh databases unless a variant sets them (to run against another instance's data).</summary>
    public string KnowledgeDb { get; protected set; } = "";
    public string EventsDb { get; protected set; } = "";
    public WorkerProcess? Worker { get; private set; }

    protected virtual bool WithWorker => false;

    public virtual async ValueTask InitializeAsync()
    {
        if (KnowledgeDb.Length == 0)
        {
            KnowledgeDb = await TestServers.CreateDatabaseAsync("knowledge");
            EventsDb = await TestServers.CreateDatabaseAsync("events");
        }
        // Start the service first: its migrations create the schema the worker writes into. A real Kestrel server, because
        // request size limits are the server's (the in-memory one has none).
        UseKestrel(0);
        StartServer();
        if (WithWorker)
        {
            Worker = await WorkerProcess.StartAsync(KnowledgeDb, EventsDb);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }
        Tokens.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client acting for a brand-new tenant, so that tests never see each other's data.</summary>
    public HttpClient ClientForNewTenant(Guid? tenantId = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(tenantId ?? Guid.NewGuid(), Guid.NewGuid()));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:knowledgedb", KnowledgeDb);
        builder.UseSetting("ConnectionStrings:eventsdb", EventsDb);
        foreach (var (name, value) in TestBus.ForEventsDb(EventsDb))
        {
            builder.UseSetting(name, value);
        }
        builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
        builder.UseSetting("Knowledge:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:PermitsPerUser", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The lexical embedder unless a test asks for the sentence model: its vectors are exact and need no model files.
        builder.UseSetting("Embeddings:Provider", "hashed-ngram");
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ISigningKeySource>(new TestKeySource(Tokens));
            ConfigureServices(services);
        });
    }

    /// <summary>Extra configuration for variants (for example another embedder).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Another Knowledge service over the databases <paramref name="before"/> filled, on other settings: an operator's configuration change.</summary>
    public static KnowledgeApp Reconfigured(KnowledgeApp before, IReadOnlyDictionary<string, string> settings) => new ReconfiguredApp(before, settings);

    private sealed class ReconfiguredApp : KnowledgeApp
    {
        private readonly IReadOnlyDictionary<string, string> settings;

        public ReconfiguredApp(KnowledgeApp before, IReadOnlyDictionary<string, string> settings)
        {
            KnowledgeDb = before.KnowledgeDb;
            EventsDb = before.EventsDb;
            this.settings = settings;
        }

        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }

    /// <summary>Hook for variants (for example a failing embedder).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
