extern alias knowledge;
extern alias ingestion;
extern alias assistant;
using VoiceHelper.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceHelper.Assistant.Bench;
using assistant::VoiceHelper.Assistant.Grounding;
using VoiceHelper.Testing;

// Evaluation of grounded answers with the embedded defaults (no model, no key): the dev set's documents plus
// synthetic manuals up to --chunks chunks are indexed through the real Knowledge API and Ingestion worker, then
// every question goes through POST /api/v1/rag/query. Usage: dotnet run -c Release --project bench/Assistant -- [--chunks 10000]
// [--repeats 3] [--docs DIR --questions FILE] [--split dev|held-out] [--configs N (the first N configurations)] [--verbose]
// [--dump FILE] writes each question's sources; [--replay FILE] then answers them again with the answerer alone, offline
// and in seconds (Replay.cs), for tuning the extractive answerer before a full run confirms it.
// The larger dev sets are in bench/Devsets (English: rendered manual pages, see render-man-pages.sh; Chinese: zh/docs).
var targetChunks = ArgValue("--chunks", 10_000);
var repeats = ArgValue("--repeats", 3);
var configurationCount = ArgValue("--configs", 3);
var split = ArgText("--split");
if (ArgText("--replay") is not null)
{
    await Replay.RunAsync(args);
    return;
}
using var servers = Servers.Start();
using var tokens = new TestTokens();
var eventsDb = await TestServers.CreateDatabaseAsync("bench_events");
var knowledgeDb = await TestServers.CreateDatabaseAsync("bench_knowledge");
var assistantDb = await TestServers.CreateDatabaseAsync("bench_assistant");
// Every host joins the same event bus (RabbitMQ from scripts/test-servers.sh, namespace from the events database).
var bus = TestBus.ForEventsDb(eventsDb);
var shared = new Dictionary<string, string?>
{
    ["ConnectionStrings:knowledgedb"] = knowledgeDb,
    ["ConnectionStrings:eventsdb"] = eventsDb,
    ["ConnectionStrings:cache"] = TestServers.Redis,
};
foreach (var (name, value) in bus)
{
    shared[name] = value;
}
await using var knowledgeHost = new BenchHost<knowledge::Program>(shared, tokens.Key, kestrel: true);
var knowledgeAddress = knowledgeHost.Start();
await using var ingestionHost = new BenchHost<ingestion::Program>(shared, tokens.Key, kestrel: false);
ingestionHost.Start();
await using var assistantHost = new BenchHost<assistant::Program>(new Dictionary<string, string?>
{
    ["ConnectionStrings:assistantdb"] = assistantDb,
    ["ConnectionStrings:eventsdb"] = eventsDb,
    ["ConnectionStrings:cache"] = TestServers.Redis,
    ["services:knowledge:http:0"] = knowledgeAddress.ToString().TrimEnd('/'),
}.Concat(bus.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).ToDictionary(), tokens.Key, kestrel: false);
assistantHost.Start();

var token = tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), ["owner"]);
using var knowledgeClient = new HttpClient { BaseAddress = knowledgeAddress, Timeout = TimeSpan.FromMinutes(5) };
knowledgeClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
using var assistant = assistantHost.CreateClient();
assistant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
assistant.Timeout = TimeSpan.FromMinutes(1);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

// Index: the dev documents in one knowledge base, the filler in another with small chunks.
var devset = Path.Combine(AppContext.BaseDirectory, "devset");
var devKb = await CreateKnowledgeBaseAsync("dev", null);
var documentIds = new Dictionary<Guid, string>();
var indexing = Stopwatch.StartNew();
var docsFolder = ArgText("--docs") ?? Path.Combine(devset, "docs");
var questionsFile = ArgText("--questions") ?? Path.Combine(devset, "questions.jsonl");
foreach (var file in Directory.GetFiles(docsFolder).Order())
{
    documentIds[await UploadAsync(devKb, Path.GetFileName(file), await File.ReadAllTextAsync(file))] = Path.GetFileName(file);
}
await WaitIndexedAsync(documentIds.Keys);
var fillerKb = await CreateKnowledgeBaseAsync("filler", 50);
var corpusChunks = await ChunkCountAsync(documentIds.Keys);
var fillerDocuments = Math.Max(0, (targetChunks - corpusChunks) / 12);
var fillerIds = new List<Guid>();
foreach (var batch in Filler.Documents(fillerDocuments, sentencesPerDocument: 48).Chunk(8))
{
    fillerIds.AddRange(await Task.WhenAll(batch.Select(d => UploadAsync(fillerKb, d.Name, d.Text))));
}
await WaitIndexedAsync(fillerIds);
corpusChunks += await ChunkCountAsync(fillerIds);
indexing.Stop();
Console.WriteLine($"Indexed {documentIds.Count} dev documents and {fillerIds.Count} filler documents: {corpusChunks} chunks in {indexing.Elapsed.TotalSeconds:0} s.");

var questions = File.ReadLines(questionsFile).Where(l => l.Trim().Length > 0)
    .Select(l => JsonSerializer.Deserialize<DevQuestion>(l)!).Where(q => split is null || q.Split == split).ToList();
Guid[] kbs = [devKb, fillerKb];
// Warm-up: JIT, connection pools and PostgreSQL caches are not what is measured.
foreach (var question in questions.Take(5))
{
    await AskAsync(new { query = question.Question, kb_ids = kbs, use_cache = false });
}

var quality = new Table($"Answer quality, embedded defaults, {corpusChunks} chunks, {questions.Count} questions ({questions.Count(q => q.Doc is null)} unanswerable){(split is null ? "" : $", split {split}")}",
    "configuration", "answer has the fact", "cites the supporting doc", "citation precision", "source recall", "right source first", "refuses unanswerable", "false refusals", "IDK precision", "self-check triggered");
var latency = new Table($"Latency per stage in ms (p50 / p95), {repeats} passes over the questions, {corpusChunks} chunks",
    "configuration", "classification", "retrieval", "rerank", "generation", "self-check", "total (server)", "end to end (client)");
(string Name, bool Rerank, bool SelfRag)[] configurations = [("rerank + self-check", true, true), ("no rerank", false, true), ("rerank, no self-check", true, false)];
foreach (var (name, rerank, selfRag) in configurations.Take(configurationCount))
{
    var outcomes = new List<(DevQuestion Question, JsonElement Answer, double ClientMs)>();
    for (var pass = 0; pass < repeats; pass++)
    {
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await AskAsync(new { query = question.Question, kb_ids = kbs, use_cache = false, use_rerank = rerank, use_self_rag = selfRag });
            outcomes.Add((question, answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }
    var firstPass = outcomes.Take(questions.Count).ToList();
    if (args.Contains("--verbose"))
    {
        foreach (var (question, answer, _) in firstPass)
        {
            var right = question.Doc is null ? GroundedPrompt.IsDontKnow(Text(answer)) : question.Facts.Any(f => Text(answer).Contains(f, StringComparison.OrdinalIgnoreCase));
            if (!right)
            {
                var sources = string.Join(", ", answer.GetProperty("sources").EnumerateArray().Select(src => documentIds.GetValueOrDefault(src.GetProperty("document_id").GetGuid(), "filler")));
                Console.WriteLine($"[{name}] {question.Question} (expected {question.Doc ?? "IDK"}) -> {Text(answer)} | sources: {sources}");
            }
        }
    }
    var answerable = firstPass.Where(o => o.Question.Doc is not null).ToList();
    var accurate = answerable.Count(o => o.Question.Facts.Any(f => Text(o.Answer).Contains(f, StringComparison.OrdinalIgnoreCase)));
    var citations = firstPass.SelectMany(o => Cited(o.Answer).Select(documentId => documentIds.GetValueOrDefault(documentId) == o.Question.Doc)).ToList();
    var recalled = answerable.Count(o => o.Answer.GetProperty("sources").EnumerateArray().Any(s => documentIds.GetValueOrDefault(s.GetProperty("document_id").GetGuid()) == o.Question.Doc));
    var first = answerable.Count(o => o.Answer.GetProperty("sources").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } top
        && documentIds.GetValueOrDefault(top.GetProperty("document_id").GetGuid()) == o.Question.Doc);
    var dontKnow = firstPass.Where(o => GroundedPrompt.IsDontKnow(Text(o.Answer))).ToList();
    var unanswerable = firstPass.Count(o => o.Question.Doc is null);
    var triggered = firstPass.Count(o => o.Answer.GetProperty("metrics").GetProperty("self_rag_triggered").GetBoolean());
    var citesSupport = answerable.Count(o => Cited(o.Answer).Any(documentId => documentIds.GetValueOrDefault(documentId) == o.Question.Doc));
    var falseRefusals = answerable.Count(o => GroundedPrompt.IsDontKnow(Text(o.Answer)));
    quality.Add(name, Ratio(accurate, answerable.Count), Ratio(citesSupport, answerable.Count), Ratio(citations.Count(c => c), citations.Count),
        Ratio(recalled, answerable.Count), Ratio(first, answerable.Count), Ratio(dontKnow.Count(o => o.Question.Doc is null), unanswerable),
        Ratio(falseRefusals, answerable.Count), Ratio(dontKnow.Count(o => o.Question.Doc is null), dontKnow.Count), $"{triggered}/{firstPass.Count}");
    latency.Add(name, Stage(outcomes, "classification_latency"), Stage(outcomes, "retrieval_latency"), Stage(outcomes, "rerank_latency"),
        Stage(outcomes, "generation_latency"), Stage(outcomes, "self_check_latency"), Stage(outcomes, "total_latency"),
        Percentiles(outcomes.Select(o => o.ClientMs).ToList()));
}
quality.Print();
latency.Print();

// The sources each question's answer was written from, for --replay (the answerer alone, offline).
if (ArgText("--dump") is { } dumpFile)
{
    await using var dump = File.CreateText(dumpFile);
    // Each source's whole chunk too (read from the database: no API serves a chunk's text), so that --replay can
    // rebuild the trimmed context (QueryRagContext) as well as the answer.
    await using var database = Npgsql.NpgsqlDataSource.Create(knowledgeDb);
    foreach (var question in questions)
    {
        var sources = await RefsAsync(new { query = question.Question, kb_ids = kbs, use_cache = false, stream = true });
        var dumped = new List<DumpedSource>();
        foreach (var s in sources.EnumerateArray())
        {
            await using var read = database.CreateCommand("SELECT text FROM chunks WHERE id = $1");
            read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = s.GetProperty("chunk_id").GetGuid() });
            dumped.Add(new DumpedSource(s.GetProperty("index").GetInt32(),
                s.TryGetProperty("heading_path", out var heading) && heading.GetString() is { Length: > 0 } path
                    ? $"{s.GetProperty("title").GetString()} > {path}" : s.GetProperty("title").GetString()!,
                s.GetProperty("snippet").GetString()!, documentIds.GetValueOrDefault(s.GetProperty("document_id").GetGuid()),
                (string?)await read.ExecuteScalarAsync()));
        }
        await dump.WriteLineAsync(JsonSerializer.Serialize(new DumpedQuestion(question.Question, question.Doc, question.Facts, question.Split, dumped.ToArray())));
    }
}

// Semantic cache: the original question fills it, its paraphrase should hit it (the built-in dev set only).
if (ArgText("--questions") is not null)
{
    return;
}
var paraphrases = File.ReadLines(Path.Combine(devset, "paraphrases.jsonl")).Where(l => l.Trim().Length > 0)
    .Select(l => JsonSerializer.Deserialize<DevParaphrase>(l)!).ToList();
var misses = new List<double>();
var hits = new List<double>();
var hitCount = 0;
var sameAnswer = 0;
foreach (var pair in paraphrases)
{
    var first = await AskAsync(new { query = pair.Question, kb_ids = kbs, use_cache = true });
    misses.Add(first.GetProperty("metrics").GetProperty("total_latency").GetDouble());
    var second = await AskAsync(new { query = pair.Paraphrase, kb_ids = kbs, use_cache = true });
    if (second.GetProperty("metrics").GetProperty("cache_hit").GetBoolean())
    {
        hitCount++;
        hits.Add(second.GetProperty("metrics").GetProperty("total_latency").GetDouble());
        sameAnswer += Text(second) == Text(first) ? 1 : 0;
    }
}
var cache = new Table("Semantic cache (threshold 0.92)", "paraphrase pairs", "hits", "same answer on hit", "miss total p50 ms", "hit total p50 ms");
cache.Add(paraphrases.Count.ToString(CultureInfo.InvariantCulture), hitCount.ToString(CultureInfo.InvariantCulture),
    $"{sameAnswer}/{hitCount}", Percentile(misses, 0.5), hits.Count == 0 ? "-" : Percentile(hits, 0.5));
cache.Print();
return;

async Task<Guid> CreateKnowledgeBaseAsync(string name, int? chunkSize)
{
    var response = await knowledgeClient.PostAsJsonAsync("/api/v1/knowledge/bases", new { name, chunk_size = chunkSize, chunk_overlap = chunkSize is null ? (int?)null : 0 });
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Creating a knowledge base failed: {body}");
    }
    return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
}

async Task<Guid> UploadAsync(Guid knowledgeBaseId, string fileName, string text)
{
    using var form = new MultipartFormDataContent();
    var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
    file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/markdown");
    form.Add(file, "file", fileName);
    var response = await knowledgeClient.PostAsync($"/api/v1/knowledge/bases/{knowledgeBaseId}/documents", form);
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Upload of {fileName} failed: {body}");
    }
    return JsonDocument.Parse(body).RootElement.GetProperty("document_id").GetGuid();
}

async Task WaitIndexedAsync(IEnumerable<Guid> ids)
{
    foreach (var id in ids)
    {
        while (true)
        {
            var document = JsonDocument.Parse(await knowledgeClient.GetStringAsync($"/api/v1/knowledge/documents/{id}")).RootElement;
            var status = document.GetProperty("status").GetString();
            if (status == "indexed")
            {
                break;
            }
            if (status == "failed")
            {
                throw new InvalidOperationException($"Document {id} failed: {document}");
            }
            await Task.Delay(200);
        }
    }
}

async Task<int> ChunkCountAsync(IEnumerable<Guid> ids)
{
    var total = 0;
    foreach (var id in ids)
    {
        total += JsonDocument.Parse(await knowledgeClient.GetStringAsync($"/api/v1/knowledge/documents/{id}")).RootElement.GetProperty("chunk_count").GetInt32();
    }
    return total;
}

async Task<JsonElement> AskAsync(object request)
{
    var response = await assistant.PostAsJsonAsync("/api/v1/rag/query", request);
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"rag/query answered {(int)response.StatusCode}: {body}");
    }
    return JsonDocument.Parse(body).RootElement.Clone();
}

async Task<JsonElement> RefsAsync(object request)
{
    var response = await assistant.PostAsJsonAsync("/api/v1/rag/query", request);
    var body = await response.Content.ReadAsStringAsync();
    var lines = body.Split('\n');
    var at = Array.FindIndex(lines, l => l.Trim() == "event: refs");
    if (!response.IsSuccessStatusCode || at < 0)
    {
        throw new InvalidOperationException($"rag/query (stream) answered {(int)response.StatusCode}: {body}");
    }
    return JsonDocument.Parse(lines[at + 1]["data:".Length..]).RootElement.GetProperty("sources").Clone();
}

static string Text(JsonElement answer) => answer.GetProperty("answer").GetString()!;

static IEnumerable<Guid> Cited(JsonElement answer) =>
    answer.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("cited").GetBoolean()).Select(s => s.GetProperty("document_id").GetGuid());

static string Ratio(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:0.00} ({part}/{whole})";

static string Stage(List<(DevQuestion Question, JsonElement Answer, double ClientMs)> outcomes, string metric) =>
    Percentiles(outcomes.Select(o => o.Answer.GetProperty("metrics").GetProperty(metric).GetDouble()).ToList());

static string Percentiles(List<double> values) => $"{Percentile(values, 0.5)} / {Percentile(values, 0.95)}";

static string Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}

string? ArgText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
