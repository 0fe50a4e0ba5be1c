using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Testing;
using VoiceHelper.Voice.AdaptRecognition;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.Speech.Adaptation;

/// <summary>
/// Issue 20 against the real engines: a knowledge base's rare words are recognised once its adaptation is built, and
/// only for its own tenant's calls; a failed build leaves calls on the general recogniser and says so.
/// </summary>
public sealed class AdaptedRecognitionTests
{
    // A product manual whose names no general dictionary has.
    private const string Manual =
        "The Zentrik router connects to the Fluxmate hub. To pair the Zentrik router with the Fluxmate hub, hold the reset button for ten seconds. "
        + "The Fluxmate hub shows a green light when the Zentrik router is paired. Firmware updates for the Zentrik router come from the Fluxmate app.\n\n"
        + "If the Fluxmate hub does not find the Zentrik router, move the router closer to the hub and pair them again.";

    private const string Question = "How do I pair the Zentrik router with the Fluxmate hub";

    [Fact]
    public async Task Rare_terms_are_recognised_with_the_tenants_adaptation_and_not_without_nor_for_another_tenant()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new TestTokens();
        var (owner, knowledgeBase) = (Guid.NewGuid(), Guid.NewGuid());
        var knowledge = await KnowledgeDatabaseAsync(owner, knowledgeBase, Manual);
        await using var voice = await StartAsync(tokens, knowledge);
        var adaptations = voice.Services.GetRequiredService<SpeechAdaptations>();
        new AdaptRecognitionOnDocumentIndexed(adaptations).Handle(new DocumentIndexed(owner, null, Guid.NewGuid(), knowledgeBase, 3, DateTimeOffset.UtcNow));

        var status = await WaitForAsync(voice, tokens.Issue(owner, Guid.NewGuid(), ["member"]), knowledgeBase, "ready", ct);
        status.ShouldContain("zentrik");
        status.ShouldContain("fluxmate");
        using (var other = Client(voice, tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), ["member"])))
        {
            (await other.GetAsync($"/api/v1/voice/adaptations/{knowledgeBase}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        float[] audio = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync(Question), .. SpokenQuestions.Silence(0.6)];
        var adapted = await TranscribeAsync(adaptations.For(owner, [knowledgeBase]), audio, ct);
        var general = await TranscribeAsync(adaptations.For(owner, []), audio, ct);
        var otherTenant = await TranscribeAsync(adaptations.For(Guid.NewGuid(), [knowledgeBase]), audio, ct);
        TestContext.Current.SendDiagnosticMessage($"adapted: {adapted} | general: {general} | other tenant: {otherTenant}");

        adapted.ShouldContain("zentrik");
        adapted.ShouldContain("fluxmate");
        adapted.ShouldContain("router");
        general.ShouldNotContain("zentrik");
        general.ShouldNotContain("fluxmate");
        // Another tenant naming this knowledge base's id gets the general recogniser: the same words as without.
        otherTenant.ShouldBe(general);
    }

    [Fact]
    public async Task A_failed_build_is_visible_and_calls_keep_the_general_recogniser()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new TestTokens();
        var (owner, knowledgeBase) = (Guid.NewGuid(), Guid.NewGuid());
        // Nothing listens on port 9: the build cannot read the knowledge base's text.
        await using var voice = await StartAsync(tokens, "Host=127.0.0.1;Port=9;Username=nobody;Database=knowledgedb;Timeout=2");
        var adaptations = voice.Services.GetRequiredService<SpeechAdaptations>();
        new AdaptRecognitionOnDocumentIndexed(adaptations).Handle(new DocumentIndexed(owner, null, Guid.NewGuid(), knowledgeBase, 3, DateTimeOffset.UtcNow));

        var status = await WaitForAsync(voice, tokens.Issue(owner, Guid.NewGuid(), ["member"]), knowledgeBase, "failed", ct);
        status.ShouldContain("\"error\":\"");
        adaptations.For(owner, [knowledgeBase]).ShouldBeSameAs(voice.Services.GetRequiredService<ISpeechRecognizer>());
    }

    private static async Task<VoiceHost> StartAsync(TestTokens tokens, string knowledgeDb)
    {
        var events = await TestServers.CreateDatabaseAsync("voice_adapt_events");
        var voice = new VoiceHost(tokens, new Uri("http://127.0.0.1:9"), events, new Dictionary<string, string?>
        {
            ["Speech:Recognizer:Engine"] = "Pocketsphinx",
            ["ConnectionStrings:knowledgedb"] = knowledgeDb,
            ["Voice:Adaptation:Directory"] = Path.Combine(Path.GetTempPath(), "voice-adapt-tests", Guid.NewGuid().ToString("N")),
        });
        voice.Start();
        return voice;
    }

    /// <summary>Knowledge's own schema (its first migration) with one document's chunks, as ingestion leaves them.</summary>
    private static async Task<string> KnowledgeDatabaseAsync(Guid tenant, Guid knowledgeBase, string text)
    {
        var database = await TestServers.CreateDatabaseAsync("voice_adapt_knowledge");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "VoiceHelper.slnx")))
        {
            root = root.Parent!;
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var schema = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(root.FullName, "Features/Knowledge/Migrations/0001-knowledge.sql")), connection))
        {
            await schema.ExecuteNonQueryAsync();
        }

        var document = Guid.NewGuid();
        foreach (var sql in new[]
        {
            """
            INSERT INTO knowledge_bases (id, tenant_id, name, chunk_size, chunk_overlap, embedding_provider, embedding_model, embedding_dimension, created_at, updated_at)
            VALUES ($1, $2, 'Manual', 800, 100, 'lexical', 'lexical', 2, now(), now())
            """,
            """
            INSERT INTO documents (id, tenant_id, knowledge_base_id, title, file_name, content_type, size_bytes, sha256, status, created_at, updated_at)
            VALUES ($3, $2, $1, 'Manual', 'manual.txt', 'text/plain', 1, 'x', 'indexed', now(), now())
            """,
        })
        {
            await using var insert = new NpgsqlCommand(sql, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = knowledgeBase });
            insert.Parameters.Add(new NpgsqlParameter { Value = tenant });
            if (sql.Contains("$3"))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = document });
            }

            await insert.ExecuteNonQueryAsync();
        }
        var ordinal = 0;
        foreach (var chunk in text.Split("\n\n"))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO chunks (id, tenant_id, knowledge_base_id, document_id, ordinal, text, token_count, term_count, embedding_dim, embedding)
                VALUES ($1, $2, $3, $4, $5, $6, 10, 10, 2, '[1,0]')
                """, connection);
            foreach (var value in new object[] { Guid.NewGuid(), tenant, knowledgeBase, document, ordinal++, chunk })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync();
        }

        return database;
    }

    private static async Task<string> WaitForAsync(VoiceHost voice, string token, Guid knowledgeBase, string status, CancellationToken ct)
    {
        using var client = Client(voice, token);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var body = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/v1/voice/adaptations/{knowledgeBase}", ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            body = await response.Content.ReadAsStringAsync(ct);
            if (body.Contains($"\"status\":\"{status}\""))
            {
                return body;
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The adaptation did not become {status}: {body}");
    }

    private static HttpClient Client(VoiceHost voice, string token)
    {
        var client = new HttpClient { BaseAddress = voice.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TranscribeAsync(ISpeechRecognizer recognizer, float[] audio, CancellationToken ct)
    {
        using var stream = recognizer.OpenStream();
        var finals = new List<string>();
        foreach (var chunk in TestSpeech.Chunks(audio, 320))
        {
            if (await stream.AcceptAsync(chunk, ct) is { IsFinal: true } result)
            {
                finals.Add(result.Text);
            }
        }

        finals.Add((await stream.FinishAsync(ct)).Text);
        return string.Join(' ', finals.Where(t => t.Length > 0)).ToLowerInvariant();
    }
}
