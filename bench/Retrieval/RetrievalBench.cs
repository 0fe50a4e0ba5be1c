using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Retrieval.Bench;

/// <summary>
/// Retrieval evaluation through the public API: indexes a corpus folder (Knowledge service in process, the real
/// Ingestion worker as a child process, fresh databases on the PostgreSQL named by VOICEHELPER_TEST_POSTGRES),
/// then asks every question of a JSON-lines file ({"question": ..., "doc": file name}) in each mode and prints
/// recall@1/5/10, MRR and nDCG@10.
/// Usage: dotnet run --project bench/Retrieval -- [--corpus DIR] [--questions FILE] [--split dev|held-out] [--embedder auto|hashed-ngram] [--misses]   (defaults: the dev set;
/// --misses lists every question whose document is not ranked first)
/// </summary>
public static class RetrievalBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> Main(string[] args)
    {
        var corpus = Argument(args, "--corpus") ?? Path.Combine(AppContext.BaseDirectory, "devset", "corpus");
        var showMisses = args.Contains("--misses");
        var questionsFile = Argument(args, "--questions") ?? Path.Combine(AppContext.BaseDirectory, "devset", "questions.jsonl");
        // Unanswerable questions (no doc) have nothing to rank; --split keeps one split of a larger dev set (bench/Devsets).
        var split = Argument(args, "--split");
        // auto: the sentence model where it fits (VOICEHELPER_TOOLS_DIR), hashed-ngram: the lexical embedder alone.
        var embedder = Argument(args, "--embedder") ?? "auto";
        var questions = File.ReadAllLines(questionsFile).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<RetrievalQuestion>(l, Json)!)
            .Where(q => q.Doc is not null && (split is null || q.Split == split)).ToList();

        var knowledgeDb = await TestServers.CreateDatabaseAsync("bench_knowledge");
        var eventsDb = await TestServers.CreateDatabaseAsync("bench_events");
        using var tokens = new TestTokens();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Bench");
            builder.UseSetting("ConnectionStrings:knowledgedb", knowledgeDb);
            builder.UseSetting("ConnectionStrings:eventsdb", eventsDb);
            builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
            builder.UseSetting("RateLimits:PermitsPerUser", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Embeddings:Provider", embedder);
            foreach (var (name, value) in TestBus.ForEventsDb(eventsDb))
            {
                builder.UseSetting(name, value);
            }
            builder.ConfigureTestServices(services => services.AddSingleton<ISigningKeySource>(new TestKeySource(tokens)));
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(Guid.NewGuid(), Guid.NewGuid()));
        await using var worker = await WorkerProcess.StartAsync(knowledgeDb, eventsDb, new Dictionary<string, string> { ["Embeddings__Provider"] = embedder });

        var kb = await (await client.PostAsJsonAsync("/api/v1/knowledge/bases", new { name = "eval" })).Content.ReadFromJsonAsync<JsonElement>();
        var kbId = kb.GetProperty("id").GetGuid();
        var documents = new Dictionary<Guid, string>();
        var started = Stopwatch.StartNew();
        foreach (var file in Directory.GetFiles(corpus).Order(StringComparer.Ordinal))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", Path.GetFileName(file) } };
            var upload = await (await client.PostAsync($"/api/v1/knowledge/bases/{kbId}/documents", form)).Content.ReadFromJsonAsync<JsonElement>();
            documents[upload.GetProperty("document_id").GetGuid()] = Path.GetFileName(file);
        }
        var chunks = 0;
        foreach (var id in documents.Keys)
        {
            while (true)
            {
                var document = await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{id}");
                var status = document.GetProperty("status").GetString();
                if (status == "failed")
                {
                    Console.Error.WriteLine($"{documents[id]} failed: {document.GetProperty("error_code")}");
                    break;
                }
                if (status == "indexed")
                {
                    chunks += document.GetProperty("chunk_count").GetInt32();
                    break;
                }
                await Task.Delay(50);
            }
        }
        Console.WriteLine($"Indexed {documents.Count} documents ({chunks} chunks) in {started.Elapsed.TotalSeconds:F1} s; {questions.Count} questions.");
        Console.WriteLine();

        var table = new List<string[]> { new[] { "mode", "recall@1", "recall@5", "recall@10", "MRR", "nDCG@10", "p50 ms", "p95 ms" } };
        foreach (var mode in new[] { "keyword", "vector", "hybrid" })
        {
            var ranks = new List<int?>();
            var latencies = new List<double>();
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = question.Question, kb_ids = new[] { kbId }, top_k = 30, mode });
                var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                var rankedDocs = result.GetProperty("results").EnumerateArray()
                    .Select(r => documents.GetValueOrDefault(r.GetProperty("document_id").GetGuid(), "?")).Distinct().Take(10).ToList();
                var index = rankedDocs.IndexOf(question.Doc!);
                ranks.Add(index < 0 ? null : index + 1);
                if (showMisses && index != 0)
                {
                    Console.WriteLine($"{mode}: \"{question.Question}\" wants {question.Doc}, rank {(index < 0 ? "none" : index + 1)}, first {rankedDocs.FirstOrDefault()}");
                }
            }
            var (r1, r5, r10, mrr, ndcg) = RetrievalMetrics.Compute(ranks);
            latencies.Sort();
            table.Add([mode, F(r1), F(r5), F(r10), F(mrr), F(ndcg), latencies[latencies.Count / 2].ToString("F1", CultureInfo.InvariantCulture),
                latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * 0.95) - 1)].ToString("F1", CultureInfo.InvariantCulture)]);
        }
        Print(table);
        return 0;
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static void Print(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
    }
}
