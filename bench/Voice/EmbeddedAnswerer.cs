extern alias assistant;
extern alias ingestion;
extern alias knowledge;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceHelper.Assistant.Bench;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// What answers behind Conversations: the real Assistant with its embedded answerer over Knowledge (the dev documents
/// indexed by the real Ingestion worker), or, with <c>--answerer fake</c>, the tests' instant canned answer.
/// </summary>
internal sealed class EmbeddedAnswerer(string name, Uri address, Guid tenantId, Guid? knowledgeBaseId, IReadOnlyList<IAsyncDisposable> hosts) : IAsyncDisposable
{
    public string Name => name;

    /// <summary>Where Conversations finds <c>POST /api/v1/rag/query</c>.</summary>
    public Uri Address => address;

    public Guid TenantId => tenantId;

    public Guid? KnowledgeBaseId => knowledgeBaseId;

    public static async Task<EmbeddedAnswerer> FakeAsync()
    {
        var fake = await FakeAssistant.StartAsync();
        fake.TokenDelay = TimeSpan.Zero;
        return new EmbeddedAnswerer("fake (canned answer at once)", fake.Address, Guid.NewGuid(), null, [fake]);
    }

    public static async Task<EmbeddedAnswerer> StartAsync(TestTokens tokens, string events, string docs)
    {
        var shared = TestBus.ForEventsDb(events).ToDictionary(s => s.Key, s => (string?)s.Value);
        shared["ConnectionStrings:eventsdb"] = events;
        shared["ConnectionStrings:cache"] = TestServers.Redis;
        shared["ConnectionStrings:knowledgedb"] = await TestServers.CreateDatabaseAsync("voicebench_knowledge");
        var knowledgeHost = new BenchHost<knowledge::Program>(shared, tokens.Key, kestrel: true);
        var knowledgeAddress = knowledgeHost.Start();
        var ingestionHost = new BenchHost<ingestion::Program>(shared, tokens.Key, kestrel: false);
        ingestionHost.Start();
        var assistantSettings = new Dictionary<string, string?>(shared)
        {
            ["ConnectionStrings:assistantdb"] = await TestServers.CreateDatabaseAsync("voicebench_assistant"),
            ["services:knowledge:http:0"] = knowledgeAddress.ToString().TrimEnd('/'),
            // Every voice asks the same questions: answers from the semantic cache would time the cache, not the answerer.
            ["SemanticCache:TimeToLive"] = "00:00:00.001",
        };
        var assistantHost = new BenchHost<assistant::Program>(assistantSettings, tokens.Key, kestrel: true);
        var assistantAddress = assistantHost.Start();

        var tenantId = Guid.NewGuid();
        using var knowledgeClient = new HttpClient { BaseAddress = knowledgeAddress, Timeout = TimeSpan.FromMinutes(5) };
        knowledgeClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(tenantId, Guid.NewGuid(), ["owner"]));
        var created = await knowledgeClient.PostAsJsonAsync("/api/v1/knowledge/bases", new { name = "dev" });
        var kb = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var documents = new List<Guid>();
        foreach (var file in Directory.GetFiles(docs, "*.md").Where(f => !Path.GetFileName(f).StartsWith("zh-", StringComparison.Ordinal)).Order())
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(file)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(content, "file", Path.GetFileName(file));
            var uploaded = await knowledgeClient.PostAsync($"/api/v1/knowledge/bases/{kb}/documents", form);
            documents.Add((await uploaded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("document_id").GetGuid());
        }
        var deadline = DateTime.UtcNow.AddMinutes(3);
        foreach (var document in documents)
        {
            while (true)
            {
                var status = (await knowledgeClient.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{document}")).GetProperty("status").GetString();
                if (status == "indexed")
                {
                    break;
                }
                if (status == "failed" || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Document {document} was not indexed ({status}).");
                }
                await Task.Delay(200);
            }
        }
        return new EmbeddedAnswerer($"embedded (Assistant over {documents.Count} dev documents)", assistantAddress, tenantId, kb, [assistantHost, ingestionHost, knowledgeHost]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }
}
