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

    // A second knowledge base of the same tenant, with other names.
    private const string KettleManual =
        "The Quorbix kettle has a Vandrel filter. To clean the Vandrel filter of the Quorbix kettle, soak it in vinegar for an hour. "
        + "Replace the Vandrel filter of the Quorbix kettle every six months.\n\n"
        + "If the Quorbix kettle smells of metal, clean the Vandrel filter again.";

    private const string KettleQuestion = "How do I clean the Vandrel filter of the Quorbix kettle";

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
        var adapted = await TestSpeech.TranscribeAsync(adaptations.For(owner, [knowledgeBase]), audio, ct);
        var general = await TestSpeech.TranscribeAsync(adaptations.For(owner, []), audio, ct);
        var otherTenant = await TestSpeech.TranscribeAsync(adaptations.For(Guid.NewGuid(), [knowledgeBase]), audio, ct);
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
    public async Task A_document_indexed_event_on_the_bus_reaches_the_handler_and_the_adaptation_becomes_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new TestTokens();
        var (owner, knowledgeBase) = (Guid.NewGuid(), Guid.NewGuid());
        var knowledge = await KnowledgeDatabaseAsync(owner, knowledgeBase, Manual);
        await using var voice = await StartAsync(tokens, knowledge);
        var token = tokens.Issue(owner, Guid.NewGuid(), ["member"]);
        using (var client = Client(voice, token))
        {
            (await client.GetAsync($"/api/v1/voice/adaptations/{knowledgeBase}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // Through the test bus (RabbitMQ), as Ingestion publishes it: the voice worker's subscription delivers it to the handler.
        await voice.Services.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(
            new DocumentIndexed(owner, null, Guid.NewGuid(), knowledgeBase, 2, DateTimeOffset.UtcNow));

        var status = await WaitForAsync(voice, token, knowledgeBase, "ready", ct);
        status.ShouldContain("zentrik");
    }

    [Fact]
    public async Task After_a_restart_the_first_call_gets_the_general_recogniser_at_once_and_asks_for_the_build()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new TestTokens();
        var (owner, knowledgeBase) = (Guid.NewGuid(), Guid.NewGuid());
        var knowledge = await KnowledgeDatabaseAsync(owner, knowledgeBase, Manual);
        // A fresh worker: the document was indexed before it started, so no event will come.
        await using var voice = await StartAsync(tokens, knowledge);
        var adaptations = voice.Services.GetRequiredService<SpeechAdaptations>();
        var general = voice.Services.GetRequiredService<ISpeechRecognizer>();

        adaptations.For(owner, [knowledgeBase]).ShouldBeSameAs(general);
        await WaitForAsync(voice, tokens.Issue(owner, Guid.NewGuid(), ["member"]), knowledgeBase, "ready", ct);

        float[] audio = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync(Question), .. SpokenQuestions.Silence(0.6)];
        var adapted = await TestSpeech.TranscribeAsync(adaptations.For(owner, [knowledgeBase]), audio, ct);
        TestContext.Current.SendDiagnosticMessage($"adapted after restart: {adapted}");
        adapted.ShouldContain("zentrik");
        adapted.ShouldContain("fluxmate");
    }

    [Fact]
    public async Task A_call_over_two_knowledge_bases_recognises_the_words_of_both()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokens = new TestTokens();
        var (owner, router, kettle) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var knowledge = await KnowledgeDatabaseAsync(owner, router, Manual);
        await AddKnowledgeBaseAsync(knowledge, owner, kettle, KettleManual);
        await using var voice = await StartAsync(tokens, knowledge);
        var adaptations = voice.Services.GetRequiredService<SpeechAdaptations>();
        var general = voice.Services.GetRequiredService<ISpeechRecognizer>();
        var token = tokens.Issue(owner, Guid.NewGuid(), ["member"]);

        // The first call over both asks for each base and for their combination; it waits for none of them.
        adaptations.For(owner, [router, kettle]).ShouldBeSameAs(general);
        await WaitForAsync(voice, token, router, "ready", ct);
        await WaitForAsync(voice, token, kettle, "ready", ct);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        ISpeechRecognizer both;
        while ((both = adaptations.For(owner, [kettle, router])) == adaptations.For(owner, [router]) || both == adaptations.For(owner, [kettle]))
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("the combined adaptation was not built");
            await Task.Delay(200, ct);
        }

        both.ShouldNotBeSameAs(general);
        float[] routerAudio = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync(Question), .. SpokenQuestions.Silence(0.6)];
        float[] kettleAudio = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync(KettleQuestion), .. SpokenQuestions.Silence(0.6)];
        var routerHeard = await TestSpeech.TranscribeAsync(both, routerAudio, ct);
        var kettleHeard = await TestSpeech.TranscribeAsync(both, kettleAudio, ct);
        var kettleGeneral = await TestSpeech.TranscribeAsync(general, kettleAudio, ct);
        TestContext.Current.SendDiagnosticMessage($"both: {routerHeard} | {kettleHeard} | general: {kettleGeneral}");

        routerHeard.ShouldContain("zentrik");
        routerHeard.ShouldContain("fluxmate");
        kettleHeard.ShouldContain("quorbix");
        kettleHeard.ShouldContain("vandrel");
        kettleGeneral.ShouldNotContain("quorbix");
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

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(root.FullName, "Features/Knowledge/Migrations/0001-knowledge.sql")), connection);
            await schema.ExecuteNonQueryAsync();
        }

        await AddKnowledgeBaseAsync(database, tenant, knowledgeBase, text);
        return database;
    }

    /// <summary>A knowledge base with one document whose chunks are <paramref name="text"/>'s paragraphs.</summary>
    private static async Task AddKnowledgeBaseAsync(string database, Guid tenant, Guid knowledgeBase, string text)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
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
    }

    private static async Task<string> WaitForAsync(VoiceHost voice, string token, Guid knowledgeBase, string status, CancellationToken ct)
    {
        using var client = Client(voice, token);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var body = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/v1/voice/adaptations/{knowledgeBase}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // An event on the bus has not reached the handler yet.
                await Task.Delay(200, ct);
                continue;
            }

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
}
