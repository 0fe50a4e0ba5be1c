extern alias assistant;
extern alias ingestion;
extern alias knowledge;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceHelper.Assistant.Bench;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Speech.Adaptation;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// Issue 20's "answer contains the right fact": the transcripts an adaptation run wrote (<c>transcripts.tsv</c>), each
/// asked of the real answer path a call uses (Knowledge with the dev knowledge bases' manual pages indexed by the real
/// Ingestion worker, Assistant's <c>POST /api/v1/rag/query</c> with its embedded answerer), per recogniser and voice,
/// beside the typed question. Needs PostgreSQL, Redis and RabbitMQ: run through bench/Speech/run-answers.sh DIR.
/// </summary>
internal static class AnswerBench
{
    public const string Flag = "--answers";

    public static async Task RunAsync(string directory)
    {
        var devsets = AdaptationBench.FindDevsets();
        var questions = File.ReadLines(Path.Combine(devsets, "en", "questions.jsonl")).Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .Select(q => (Text: q.GetProperty("question").GetString()!, Doc: q.GetProperty("doc").GetString(),
                Facts: q.GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToArray()))
            .Where(q => q.Doc is not null)
            .GroupBy(q => string.Join(' ', SpokenText.Words(q.Text))).ToDictionary(g => g.Key, g => g.First());
        var rows = File.ReadLines(Path.Combine(directory, "transcripts.tsv")).Select(l => l.Split('\t')).Where(p => p.Length == 4)
            .Select(p => (Recogniser: p[0], Voice: p[1], Question: questions[p[2]], Heard: p[3])).ToList();

        using var tokens = new TestTokens();
        var events = await TestServers.CreateDatabaseAsync("speechbench_events");
        var shared = TestBus.ForEventsDb(events).ToDictionary(s => s.Key, s => (string?)s.Value);
        shared["ConnectionStrings:eventsdb"] = events;
        shared["ConnectionStrings:cache"] = TestServers.Redis;
        shared["ConnectionStrings:knowledgedb"] = await TestServers.CreateDatabaseAsync("speechbench_knowledge");
        await using var knowledgeHost = new BenchHost<knowledge::Program>(shared, tokens.Key, kestrel: true);
        var knowledgeAddress = knowledgeHost.Start();
        await using var ingestionHost = new BenchHost<ingestion::Program>(shared, tokens.Key, kestrel: false);
        ingestionHost.Start();
        await using var assistantHost = new BenchHost<assistant::Program>(new Dictionary<string, string?>(shared)
        {
            ["ConnectionStrings:assistantdb"] = await TestServers.CreateDatabaseAsync("speechbench_assistant"),
            ["services:knowledge:http:0"] = knowledgeAddress.ToString().TrimEnd('/'),
        }, tokens.Key, kestrel: false);
        assistantHost.Start();

        var token = tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), ["owner"]);
        using var knowledgeClient = new HttpClient { BaseAddress = knowledgeAddress, Timeout = TimeSpan.FromMinutes(5) };
        knowledgeClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answerer = assistantHost.CreateClient();
        answerer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        answerer.Timeout = TimeSpan.FromMinutes(2);

        // One knowledge base per dev knowledge base of the adaptation run, as a call over it would ask.
        var kbOfDoc = new Dictionary<string, Guid>();
        var documents = new List<Guid>();
        foreach (var (name, pages) in AdaptationBench.KnowledgeBases)
        {
            var created = await knowledgeClient.PostAsJsonAsync("/api/v1/knowledge/bases", new { name });
            var kb = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            foreach (var page in pages)
            {
                kbOfDoc[page + ".txt"] = kb;
                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(Path.Combine(directory, "man-pages", page + ".txt"))));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                form.Add(content, "file", page + ".txt");
                var uploaded = await knowledgeClient.PostAsync($"/api/v1/knowledge/bases/{kb}/documents", form);
                documents.Add((await uploaded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("document_id").GetGuid());
            }
        }

        foreach (var document in documents)
        {
            var deadline = DateTime.UtcNow.AddMinutes(10);
            while ((await knowledgeClient.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{document}")).GetProperty("status").GetString() is var status && status != "indexed")
            {
                if (status == "failed" || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Document {document} was not indexed ({status}).");
                }

                await Task.Delay(500);
            }
        }

        async Task<bool> RightAsync(string query, (string Text, string? Doc, string[] Facts) question)
        {
            if (query.Trim().Length == 0)
            {
                return false;
            }

            var response = await answerer.PostAsJsonAsync("/api/v1/rag/query", new { query, kb_ids = new[] { kbOfDoc[question.Doc!] }, use_cache = false });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"rag/query answered {(int)response.StatusCode}: {body}");
            }

            var answer = JsonDocument.Parse(body).RootElement.GetProperty("answer").GetString()!;
            return question.Facts.Any(f => answer.Contains(f, StringComparison.OrdinalIgnoreCase));
        }

        var table = new Table($"Answer contains the right fact: transcripts asked of the embedded answerer over their knowledge base ({Path.GetFileName(directory)}; load {File.ReadAllText("/proc/loadavg")[..14]})",
            "recogniser", "voice", "questions", "answer contains the fact");
        var typed = 0;
        foreach (var question in rows.Select(r => r.Question).Distinct())
        {
            typed += await RightAsync(question.Text, question) ? 1 : 0;
        }

        table.Add("typed question (no recognition)", "-", rows.Select(r => r.Question).Distinct().Count().ToString(CultureInfo.InvariantCulture),
            Percent(typed, rows.Select(r => r.Question).Distinct().Count()));
        foreach (var group in rows.GroupBy(r => (r.Recogniser, r.Voice)).OrderBy(g => g.Key.Voice, StringComparer.Ordinal).ThenBy(g => g.Key.Recogniser, StringComparer.Ordinal))
        {
            var right = 0;
            foreach (var row in group)
            {
                right += await RightAsync(row.Heard, row.Question) ? 1 : 0;
            }

            table.Add(group.Key.Recogniser, group.Key.Voice, group.Count().ToString(CultureInfo.InvariantCulture), Percent(right, group.Count()));
        }

        table.Print();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
