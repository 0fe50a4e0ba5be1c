extern alias knowledge;
extern alias ingestion;
extern alias identity;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>
/// The real Identity (on a loopback port, where API keys are verified), the real Knowledge service (on a loopback port, because the Assistant reaches it over HTTP through service
/// discovery), the real Ingestion worker and the Assistant, on fresh databases, one event bus and the test Redis.
/// Shared by the integration test classes; each test makes its own tenant, so tests never see each other.
/// </summary>
public sealed class RagSystem : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];

    public RagKeys Keys { get; } = new();

    public Uri KnowledgeAddress { get; private set; } = null!;

    /// <summary>Identity on a loopback port: Knowledge and the Assistant verify API keys there.</summary>
    public Uri IdentityAddress { get; private set; } = null!;

    public ServiceHost<Program> Assistant { get; private set; } = null!;

    public string EventsDb { get; private set; } = "";

    public string AssistantDb { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        EventsDb = await TestServers.CreateDatabaseAsync("events");
        var knowledgeDb = await TestServers.CreateDatabaseAsync("knowledge");
        AssistantDb = await TestServers.CreateDatabaseAsync("assistant");
        var identityHost = new ServiceHost<identity::Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await TestServers.CreateDatabaseAsync("identity"),
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["SigningKeys:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, Keys, kestrel: true);
        _hosts.Add(identityHost);
        IdentityAddress = identityHost.Start();
        var knowledgeSettings = new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = IdentityAddress.ToString().TrimEnd('/'),
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
            ["services:identity:http:0"] = IdentityAddress.ToString().TrimEnd('/'),
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
    public RagTenant NewTenant(ServiceHost<Program>? assistant = null) => NewTenant(Guid.NewGuid(), Guid.NewGuid(), assistant);

    private RagTenant NewTenant(Guid tenantId, Guid userId, ServiceHost<Program>? assistant = null)
    {
        var token = Keys.Tokens.Issue(tenantId, userId, ["owner"]);
        var knowledge = new HttpClient { BaseAddress = KnowledgeAddress, Timeout = TimeSpan.FromSeconds(60) };
        knowledge.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var client = (assistant ?? Assistant).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.Timeout = TimeSpan.FromSeconds(60);
        return new RagTenant(tenantId, userId, token, knowledge, client);
    }

    /// <summary>
    /// A tenant registered in Identity (so that its owner can create API keys there) with clients as <see cref="NewTenant"/>
    /// makes them, and an API key of that tenant with the given scopes.
    /// </summary>
    public async Task<(RagTenant Tenant, Guid KeyId, string Key)> NewTenantWithApiKeyAsync(params string[] scopes)
    {
        using var identity = new HttpClient { BaseAddress = IdentityAddress };
        var email = $"owner-{Guid.NewGuid():N}@example.test";
        var registered = await identity.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Acme", email, username = $"owner{Guid.NewGuid():N}"[..20], password = "Correct-Horse-42" });
        var user = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement;
        registered.EnsureSuccessStatusCode();
        var tenant = NewTenant(user.GetProperty("tenant_id").GetGuid(), user.GetProperty("id").GetGuid());
        var (keyId, key) = await CreateApiKeyAsync(tenant, scopes);
        return (tenant, keyId, key);
    }

    /// <summary>Creates an API key through the tenant owner's token.</summary>
    public async Task<(Guid KeyId, string Key)> CreateApiKeyAsync(RagTenant tenant, params string[] scopes)
    {
        using var identity = new HttpClient { BaseAddress = IdentityAddress };
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token);
        var response = await identity.PostAsJsonAsync("/api/v1/api-keys", new { name = "tests", scopes });
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.EnsureSuccessStatusCode();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    /// <summary>Revokes an API key through the tenant owner's token.</summary>
    public async Task RevokeApiKeyAsync(RagTenant tenant, Guid keyId)
    {
        using var identity = new HttpClient { BaseAddress = IdentityAddress };
        identity.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token);
        (await identity.DeleteAsync($"/api/v1/api-keys/{keyId}")).EnsureSuccessStatusCode();
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
