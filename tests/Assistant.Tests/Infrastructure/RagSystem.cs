extern alias knowledge;
extern alias ingestion;
using System.Net.Http.Headers;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>
/// The real Knowledge service (on a loopback port, because the Assistant reaches it over HTTP through service
/// discovery), the real Ingestion worker and the Assistant, on fresh databases, one event bus and the test Redis.
/// Shared by the integration test classes; each test makes its own tenant, so tests never see each other.
/// </summary>
public sealed class RagSystem : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];

    public RagKeys Keys { get; } = new();

    public Uri KnowledgeAddress { get; private set; } = null!;

    public ServiceHost<Program> Assistant { get; private set; } = null!;

    public string EventsDb { get; private set; } = "";

    public string AssistantDb { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        EventsDb = await TestServers.CreateDatabaseAsync("events");
        var knowledgeDb = await TestServers.CreateDatabaseAsync("knowledge");
        AssistantDb = await TestServers.CreateDatabaseAsync("assistant");
        var knowledgeSettings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:knowledgedb"] = knowledgeDb,
            ["ConnectionStrings:eventsdb"] = EventsDb,
            ["ConnectionStrings:cache"] = TestServers.Redis,
        };
        foreach (var (name, value) in TestBus.ForEventsDb(EventsDb))
        {
            knowledgeSettings[name] = value;
        }
        var knowledgeHost = new ServiceHost<knowledge::Program>(knowledgeSettings, Keys, kestrel: true);
        _hosts.Add(knowledgeHost);
        KnowledgeAddress = knowledgeHost.Start();
        var ingestionHost = new ServiceHost<ingestion::Program>(knowledgeSettings, Keys);
        _hosts.Add(ingestionHost);
        ingestionHost.Start();
        Assistant = StartAssistant();
    }

    /// <summary>Another Assistant on the same Knowledge and bus, with settings changed (a model, Redis down...).</summary>
    public ServiceHost<Program> StartAssistant(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:assistantdb"] = AssistantDb,
            ["ConnectionStrings:eventsdb"] = EventsDb,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["services:knowledge:http:0"] = KnowledgeAddress.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        // The bus follows the eventsdb in effect, so an Assistant given its own eventsdb is on its own bus.
        foreach (var (name, value) in TestBus.ForEventsDb(settings["ConnectionStrings:eventsdb"]!))
        {
            settings.TryAdd(name, value);
        }
        var host = new ServiceHost<Program>(settings, Keys);
        _hosts.Add(host);
        host.Start();
        return host;
    }

    /// <summary>A fresh tenant with clients for Knowledge and the given Assistant (the default one when null).</summary>
    public RagTenant NewTenant(ServiceHost<Program>? assistant = null)
    {
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var token = Keys.Tokens.Issue(tenantId, userId, ["owner"]);
        var knowledge = new HttpClient { BaseAddress = KnowledgeAddress, Timeout = TimeSpan.FromSeconds(60) };
        knowledge.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var client = (assistant ?? Assistant).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.Timeout = TimeSpan.FromSeconds(60);
        return new RagTenant(tenantId, userId, token, knowledge, client);
    }

    public async ValueTask DisposeAsync()
    {
        // The Assistant and the worker first: they call Knowledge.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }
        Keys.Dispose();
    }
}
