using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ingestion.Chunk;
using VoiceHelper.Ingestion.Common;
using VoiceHelper.Ingestion.Index;
using VoiceHelper.Ingestion.Parse;
using VoiceHelper.Ingestion.ReembedKnowledgeBases;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.Knowledge.SearchKnowledge;
using VoiceHelper.Testing;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Ingestion.Bench;

/// <summary>
/// Ingestion throughput (the worker's parse -> chunk -> embed -> index code on synthetic manuals) and search latency
/// per mode at growing index sizes (synthetic chunks bulk-loaded with the worker's COPY writer, then the HNSW index
/// built), plus HNSW recall@10 against exact search. Runs on a fresh database of the PostgreSQL named by
/// VOICEHELPER_TEST_POSTGRES. Usage: dotnet run --project bench/Ingestion -- [--sizes 10000,100000] [--queries 200] [--topics 1000 (0 = pure Zipf)]
/// [--ef-search N (the service's default)] [--embedder hashed|onnx] [--chunk-words 60] [--real N] [--concurrency N]
/// [--database NAME (reuse the index an earlier run left in that database of the same server; no load, no throughput run)]
/// With <c>--embedder onnx</c> the sentence model (all-MiniLM-L6-v2 from VOICEHELPER_TOOLS_DIR/models) embeds real text
/// (the machine's manual pages, <see cref="ManPageText"/>) instead of the synthetic topics, and the bench also prints
/// the model's memory per process. Hybrid searches are also timed per stage, and with <c>--concurrency N</c> by N
/// clients at once. <c>--real N</c> embeds only the first N chunks with the model; the rest of the index is
/// then made of those N vectors each mixed with another one (see <see cref="Blend"/>) and says so.
/// </summary>
public static class IngestionBench
{
    private static Guid Tenant = Guid.NewGuid();
    private static Guid Kb = Guid.NewGuid();
    private static readonly HashedNgramEmbeddingGenerator Lexical = new();
    private static IEmbeddingGenerator<string, Embedding<float>> Embedder = Lexical;

    /// <summary>The query side's model (the services' thread count; <see cref="Embedder"/> has the ingestion worker's).</summary>
    private static IEmbeddingGenerator<string, Embedding<float>> QueryEmbedder = Lexical;
    private static string ModelId = HashedNgramEmbeddingGenerator.ModelId;
    private static bool IsLexical => ReferenceEquals(Embedder, Lexical);
    private static IEnumerator<string>? RealChunks;
    private static readonly List<(string Text, float[] Vector)> Embedded = [];
    private static int RealLimit = int.MaxValue;
    private static int Blended;
    private static double EmbedSeconds;
    private static int EmbedCount;

    /// <summary>The service's default (KnowledgeOptions.HnswEfSearch) unless <c>--ef-search</c> names another.</summary>
    private static int EfSearch = new KnowledgeOptions().HnswEfSearch;

    public static async Task<int> Main(string[] args)
    {
        var sizes = (Argument(args, "--sizes") ?? "10000,100000").Split(',').Select(int.Parse).ToArray();
        var queryCount = int.Parse(Argument(args, "--queries") ?? "200", CultureInfo.InvariantCulture);
        var topics = int.Parse(Argument(args, "--topics") ?? "1000", CultureInfo.InvariantCulture);
        EfSearch = int.Parse(Argument(args, "--ef-search") ?? EfSearch.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var onnx = Argument(args, "--embedder") == "onnx";
        RealLimit = int.Parse(Argument(args, "--real") ?? int.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (onnx)
        {
            LoadModel();
            RealChunks = new ManPageText().Chunks(int.Parse(Argument(args, "--chunk-words") ?? "60", CultureInfo.InvariantCulture)).GetEnumerator();
        }
        var reuse = Argument(args, "--database");
        var connectionString = reuse is null
            ? await TestServers.CreateDatabaseAsync("bench_ingestion")
            : new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = reuse }.ConnectionString;
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        dataSourceBuilder.UseVector();
        await using var dataSource = dataSourceBuilder.Build();
        var text = new SyntheticText(seed: 7, topics: topics);
        if (reuse is null)
        {
            await MigrateAsync(dataSource);
            // The migrations created pgvector's type after the pool first looked.
            await dataSource.ReloadTypesAsync();
            await ExecuteAsync(dataSource, $"""
                INSERT INTO knowledge_bases (id, tenant_id, name, chunk_size, chunk_overlap, embedding_provider, embedding_model, embedding_dimension, created_at, updated_at)
                VALUES ('{Kb}', '{Tenant}', 'bench', 400, 60, '{(onnx ? SentenceEmbeddingGenerator.ProviderName : "hashed-ngram")}', '{ModelId}', 384, now(), now())
                """);
        }
        else
        {
            await using var existing = dataSource.CreateCommand("SELECT id, tenant_id FROM knowledge_bases WHERE name = 'bench'");
            await using var reader = await existing.ExecuteReaderAsync();
            await reader.ReadAsync();
            (Kb, Tenant) = (reader.GetGuid(0), reader.GetGuid(1));
        }
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; embedder {ModelId} (384 dims); database {new NpgsqlConnectionStringBuilder(connectionString).Database}.");
        Console.WriteLine();

        Console.WriteLine(onnx ? "Corpus: the machine's English manual pages (troff stripped), deduplicated chunks."
            : topics > 0 ? $"Corpus: {topics} topics, half the words topical, half common (Zipf)." : "Corpus: pure Zipf word salad (adversarial).");
        if (reuse is null)
        {
            await ThroughputAsync(dataSource, text);
        }
        if (onnx && reuse is null)
        {
            Memory.Add(["after the throughput run", .. MemoryNow()]);
            Memory.Print();
        }

        var latency = new Table("Search latency", "chunks", "mode", "p50 ms", "p95 ms", "mean ms");
        var recall = new Table("HNSW recall and build time", "chunks", "ef_search", "HNSW recall@10 vs exact", "HNSW p50 ms", "exact p50 ms", "HNSW build s", "load s");
        var stagesTable = new Table("Hybrid search by stage, one client (p50 / p95 ms; the keyword signal runs beside the query embedding and the vector signal)", "chunks", "query embedding",
            "vector SQL", "keyword SQL", "embedding + both signals", "fusion", "chunk load", "total", "load average");
        var concurrency = int.Parse(Argument(args, "--concurrency") ?? "0", CultureInfo.InvariantCulture);
        var concurrent = new Table($"Hybrid search, {concurrency} clients at once", "chunks", "searches", "p50 ms", "p95 ms", "searches/s", "load average");
        foreach (var size in sizes)
        {
            var (loadSeconds, buildSeconds) = await GrowAsync(dataSource, text, size);
            if (!IsLexical && EmbedCount > 0)
            {
                Console.WriteLine($"{size:N0} chunks: {EmbedCount:N0} embedded by the model ({EmbedCount / Math.Max(0.001, EmbedSeconds):F0} chunks/s in batches), {Blended:N0} blended from those vectors.");
            }
            var samples = await SampleTextsAsync(dataSource, queryCount);
            var queries = samples.Select(text.QueryFrom).ToList();
            foreach (var mode in new[] { KnowledgeSearchModes.Keyword, KnowledgeSearchModes.Vector, KnowledgeSearchModes.Hybrid })
            {
                foreach (var warm in queries.Take(20))
                {
                    await SearchAsync(dataSource, warm, mode);
                }
                var times = new List<double>();
                foreach (var query in queries)
                {
                    var watch = Stopwatch.StartNew();
                    await SearchAsync(dataSource, query, mode);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                latency.Add(size.ToString("N0", CultureInfo.InvariantCulture), mode, Ms(Percentile(times, 0.50)), Ms(Percentile(times, 0.95)), Ms(times.Average()));
            }
            var stages = new SearchStages();
            foreach (var query in queries)
            {
                await SearchAsync(dataSource, query, KnowledgeSearchModes.Hybrid, stages);
            }
            stagesTable.Add(size.ToString("N0", CultureInfo.InvariantCulture), Both(stages.Embed), Both(stages.Vector), Both(stages.Keyword), Both(stages.Signals),
                Both(stages.Fusion), Both(stages.Load), Both(stages.Total), LoadAverage());
            if (concurrency > 0)
            {
                var watch = Stopwatch.StartNew();
                var times = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
                {
                    var own = new List<double>();
                    foreach (var query in queries.Where((_, i) => i % concurrency == client))
                    {
                        var one = Stopwatch.StartNew();
                        await SearchAsync(dataSource, query, KnowledgeSearchModes.Hybrid);
                        own.Add(one.Elapsed.TotalMilliseconds);
                    }
                    return own;
                }));
                var all = times.SelectMany(t => t).Order().ToList();
                concurrent.Add(size.ToString("N0", CultureInfo.InvariantCulture), all.Count.ToString(CultureInfo.InvariantCulture), Ms(Percentile(all, 0.5)),
                    Ms(Percentile(all, 0.95)), (all.Count / watch.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture), LoadAverage());
            }
            foreach (var ef in new[] { 100, 200, 400, 800 }.Append(EfSearch).Distinct().Order())
            {
                var (hnswRecall, hnswP50, exactP50) = await RecallAsync(dataSource, queries.Take(100).ToList(), ef);
                recall.Add(size.ToString("N0", CultureInfo.InvariantCulture), ef.ToString(CultureInfo.InvariantCulture), hnswRecall.ToString("F3", CultureInfo.InvariantCulture),
                    Ms(hnswP50), Ms(exactP50), buildSeconds.ToString("F1", CultureInfo.InvariantCulture), loadSeconds.ToString("F1", CultureInfo.InvariantCulture));
            }
        }
        Console.WriteLine($"Search latency (one knowledge base, top_k 10, 50 candidates per signal, ef_search {EfSearch}; includes query embedding and chunk load; load average {LoadAverage()}):");
        latency.Print();
        stagesTable.Print();
        if (concurrency > 0)
        {
            concurrent.Print();
        }
        recall.Print();
        return 0;
    }

    /// <summary>Documents through the worker's own stages; the index write is one transaction per document as in the worker.</summary>
    private static async Task ThroughputAsync(NpgsqlDataSource dataSource, SyntheticText text)
    {
        var parser = new DocumentParser(Options.Create(new IngestionOptions()));
        var documents = IsLexical
            ? Enumerable.Range(0, 150).Select(i =>
            {
                text.NextTopic();
                return string.Join("\n\n", Enumerable.Range(0, 30).Select(_ => text.Paragraph(5)));
            }).ToList()
            // The model costs about a hundred times the lexical embedder: fewer documents, real ones.
            : new ManPageText().Pages().Take(40).Select(p => p.Text).ToList();
        var bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        double parseChunk = 0, embed = 0, index = 0;
        var chunkTotal = 0;
        var total = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            var watch = Stopwatch.StartNew();
            var parsed = await parser.ParseAsync(Encoding.UTF8.GetBytes(document), "text/plain", CancellationToken.None);
            var chunks = Chunker.Split(parsed.Blocks, 400, 60);
            parseChunk += watch.Elapsed.TotalSeconds;
            watch.Restart();
            var vectors = new List<ReadOnlyMemory<float>>();
            var statistics = await CorpusStatistics.ForAsync(dataSource, Embedder, Kb, chunks.Select(c => c.IndexText).ToList(), textsAreNew: true, CancellationToken.None);
            for (var i = 0; i < chunks.Count; i += 64)
            {
                var batch = await Embedder.GenerateAsync(chunks.Skip(i).Take(64).Select(c => c.IndexText), statistics?.ToOptions());
                vectors.AddRange(batch.Select(e => e.Vector));
            }
            embed += watch.Elapsed.TotalSeconds;
            watch.Restart();
            await WriteDocumentAsync(dataSource, chunks, vectors, statistics);
            index += watch.Elapsed.TotalSeconds;
            chunkTotal += chunks.Count;
        }
        var seconds = total.Elapsed.TotalSeconds;
        var table = new Table("Ingestion throughput", "documents", "MB of text", "chunks", "seconds", "chunks/s", "MB/s", "parse+chunk s", "embed s", "index s");
        table.Add(documents.Count.ToString(CultureInfo.InvariantCulture), (bytes / 1e6).ToString("F2", CultureInfo.InvariantCulture),
            chunkTotal.ToString(CultureInfo.InvariantCulture), seconds.ToString("F2", CultureInfo.InvariantCulture),
            (chunkTotal / seconds).ToString("F0", CultureInfo.InvariantCulture), (bytes / 1e6 / seconds).ToString("F2", CultureInfo.InvariantCulture),
            parseChunk.ToString("F2", CultureInfo.InvariantCulture), embed.ToString("F2", CultureInfo.InvariantCulture), index.ToString("F2", CultureInfo.InvariantCulture));
        Console.WriteLine($"Ingestion throughput (txt, chunk size 400 tokens, overlap 60, embedder {ModelId}, HNSW index maintained on insert; load average {LoadAverage()}):");
        table.Print();
    }

    /// <summary>Bulk-loads synthetic chunks up to <paramref name="target"/> with the HNSW index dropped, then builds it (as a large re-index would).</summary>
    private static async Task<(double LoadSeconds, double BuildSeconds)> GrowAsync(NpgsqlDataSource dataSource, SyntheticText text, int target)
    {
        // The service's own index definition (its migrations), dropped for the load and rebuilt the same way.
        await using var definition = dataSource.CreateCommand("SELECT pg_get_indexdef('chunks_embedding_384'::regclass)");
        var indexDefinition = (string)(await definition.ExecuteScalarAsync())!;
        var count = await CountAsync(dataSource);
        if (count >= target)
        {
            // A reused database (--database) already holds the index.
            return (0, 0);
        }
        await ExecuteAsync(dataSource, "DROP INDEX chunks_embedding_384");
        var load = Stopwatch.StartNew();
        while (count < target)
        {
            var batchSize = Math.Min(2000, target - count);
            if (!IsLexical)
            {
                var (realChunks, realVectors) = await RealBatchAsync(batchSize);
                await WriteDocumentAsync(dataSource, realChunks, realVectors, null);
                count += realChunks.Count;
                continue;
            }
            // Documents of about 20 chunks, each about one topic.
            var chunks = Enumerable.Range(0, batchSize).Select(i =>
            {
                if (i % 20 == 0)
                {
                    text.NextTopic();
                }
                var body = text.Paragraph(5 + text.Next(3));
                return new ChunkDraft(body, [$"Chapter {text.Next(40)}"], null, body.Count(c => c == ' ') + 1);
            }).ToList();
            // Weighted by the knowledge base as it stands, as the worker does (decision 0009).
            var statistics = await CorpusStatistics.ForAsync(dataSource, Embedder, Kb, chunks.Select(c => c.IndexText).ToList(), textsAreNew: true, CancellationToken.None);
            var vectors = (await Embedder.GenerateAsync(chunks.Select(c => c.IndexText), statistics!.ToOptions())).Select(e => e.Vector).ToList();
            await WriteDocumentAsync(dataSource, chunks, vectors, statistics!);
            count += batchSize;
        }
        if (IsLexical)
        {
            await RefreshWeightsAsync(dataSource);
        }
        var loadSeconds = load.Elapsed.TotalSeconds;
        var build = Stopwatch.StartNew();
        await ExecuteAsync(dataSource, $"""
            SET maintenance_work_mem = '1GB';
            {indexDefinition};
            """);
        // Index-only scans of the postings need the visibility map, as autovacuum would leave it after a bulk load.
        await ExecuteAsync(dataSource, "VACUUM ANALYZE chunks");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE chunk_terms");
        return (loadSeconds, build.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The worker's own re-weighting service (decision 0009), run until no chunk is weighted by a corpus less than half
    /// today's: the state a deployment reaches after a bulk load. Without it the first half of the load keeps the
    /// weights of a smaller knowledge base.
    /// </summary>
    private static async Task RefreshWeightsAsync(NpgsqlDataSource dataSource)
    {
        var options = Options.Create(new IngestionOptions { EmbedBatchSize = 1000, ReembedInterval = TimeSpan.FromMilliseconds(200) });
        using var service = new ReembedKnowledgeBasesService(dataSource, new KnowledgeEmbedders(Lexical, Lexical), options, NullLogger<ReembedKnowledgeBasesService>.Instance);
        var watch = Stopwatch.StartNew();
        await service.StartAsync(CancellationToken.None);
        await using var stale = dataSource.CreateCommand("""
            SELECT count(*) FROM chunks c JOIN knowledge_base_stats s USING (knowledge_base_id)
            WHERE c.embedding_corpus_chunks < s.chunk_count / 2 OR c.embedding_corpus_chunks > s.chunk_count * 2
            """);
        while ((long)(await stale.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(500);
        }
        await service.StopAsync(CancellationToken.None);
        Console.WriteLine($"Re-weighting after the load (the worker's service, no HNSW index yet): {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task WriteDocumentAsync(NpgsqlDataSource dataSource, List<ChunkDraft> chunks, List<ReadOnlyMemory<float>> vectors, TermStatistics? statistics)
    {
        var documentId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO documents (id, tenant_id, knowledge_base_id, title, file_name, content_type, size_bytes, sha256, status, chunk_count, created_at, updated_at)
            VALUES ('{documentId}', '{Tenant}', '{Kb}', 'bench', 'bench-{documentId}.txt', 'text/plain', 0, '{documentId}', 'indexed', {chunks.Count}, now(), now())
            """, connection, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }
        await ChunkWriter.WriteAsync(connection, Tenant, Kb, documentId, chunks, vectors, ModelId, (long)(statistics?.Documents ?? 0), CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The same steps as the SearchKnowledge handler: the model's query embedding started at once and awaited by the vector
    /// signal only, the signals in one snapshot, fusion, chunk load.
    /// </summary>
    private static async Task SearchAsync(NpgsqlDataSource dataSource, string query, string mode, SearchStages? stages = null)
    {
        var started = Stopwatch.GetTimestamp();
        var modelEmbedding = mode == KnowledgeSearchModes.Keyword || IsLexical ? null : Task.Run(() => Timed(stages?.Embed, () => QueryEmbedder.GenerateAsync([query])));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var kbs = new[] { Kb };
        var at = Stopwatch.GetTimestamp();
        var (v, k) = await SearchKnowledgeQueries.OnSharedSnapshotAsync<List<(Guid Id, double Score)>, List<(Guid Id, double Score)>>(dataSource, connection, transaction,
            mode == KnowledgeSearchModes.Keyword ? null : async (c, t) =>
            {
                var vector = modelEmbedding is null ? await Timed(stages?.Embed, () => EmbedQueryAsync(c, t, query)) : (await modelEmbedding)[0].Vector;
                return await Timed(stages?.Vector, () => SearchKnowledgeQueries.VectorAsync(c, t, Tenant, kbs, vector, ModelId, null, 50, EfSearch, false, CancellationToken.None));
            },
            mode == KnowledgeSearchModes.Vector ? null : (c, t) => Timed(stages?.Keyword, () => SearchKnowledgeQueries.KeywordAsync(c, t, kbs, query, null, 50, 1.2, 0.75, CancellationToken.None)),
            CancellationToken.None);
        stages?.Signals.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        at = Stopwatch.GetTimestamp();
        (v, k) = (v ?? [], k ?? []);
        var fused = mode switch
        {
            KnowledgeSearchModes.Keyword => SearchKnowledgeFusion.Ranked(k, false, 10),
            KnowledgeSearchModes.Vector => SearchKnowledgeFusion.Ranked(v, true, 10),
            _ => SearchKnowledgeFusion.Fuse(v, k, 60, 1, 1, 10),
        };
        stages?.Fusion.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        at = Stopwatch.GetTimestamp();
        await SearchKnowledgeQueries.LoadChunksAsync(connection, transaction, Tenant, fused.Select(f => f.ChunkId).ToList(), CancellationToken.None);
        await transaction.CommitAsync();
        stages?.Load.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        stages?.Total.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<T> Timed<T>(List<double>? times, Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        times?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static string Both(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "-" : $"{Ms(Percentile(sorted, 0.5))} / {Ms(Percentile(sorted, 0.95))}";
    }

    private static async Task<(double Recall, double HnswP50, double ExactP50)> RecallAsync(NpgsqlDataSource dataSource, List<string> queries, int ef)
    {
        var overlaps = new List<double>();
        var exactTimes = new List<double>();
        var hnswTimes = new List<double>();
        foreach (var query in queries)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var vector = await EmbedQueryAsync(connection, transaction, query);
            var watch = Stopwatch.StartNew();
            var approximate = await SearchKnowledgeQueries.VectorAsync(connection, transaction, Tenant, [Kb], vector, ModelId, null, 10, ef, false, CancellationToken.None);
            hnswTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var exact = await SearchKnowledgeQueries.VectorAsync(connection, transaction, Tenant, [Kb], vector, ModelId, null, 10, 100, true, CancellationToken.None);
            exactTimes.Add(watch.Elapsed.TotalMilliseconds);
            overlaps.Add(approximate.Select(a => a.Id).Intersect(exact.Select(e => e.Id)).Count() / (double)Math.Max(1, exact.Count));
        }
        exactTimes.Sort();
        hnswTimes.Sort();
        return (overlaps.Average(), Percentile(hnswTimes, 0.5), Percentile(exactTimes, 0.5));
    }

    /// <summary>The query's vector weighted by the knowledge base's term statistics, as the SearchKnowledge handler does.</summary>
    private static async Task<ReadOnlyMemory<float>> EmbedQueryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query)
    {
        if (!IsLexical)
        {
            return (await QueryEmbedder.GenerateAsync([query]))[0].Vector;
        }
        var statistics = await SearchKnowledgeQueries.TermStatisticsAsync(connection, transaction, [Kb], query, CancellationToken.None);
        return Lexical.Embed(query, statistics);
    }

    private static readonly Table Memory = new("The sentence model's memory in this process (GC collected before each reading)", "moment", "working set MB", "private MB", "managed heap MB");

    private static string[] MemoryNow()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return [(process.WorkingSet64 / 1e6).ToString("F0", CultureInfo.InvariantCulture), (process.PrivateMemorySize64 / 1e6).ToString("F0", CultureInfo.InvariantCulture),
            (GC.GetTotalMemory(false) / 1e6).ToString("F0", CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// Loads the model as the ingestion worker does (its thread count), with the process's memory before and after, and
    /// once more as the services do for queries.
    /// </summary>
    private static void LoadModel()
    {
        var directory = Environment.GetEnvironmentVariable(EmbeddingRegistration.ToolsDirectoryVariable) is { Length: > 0 } tools
            ? Path.Combine(tools, "models", SentenceEmbeddingGenerator.DefaultModelId) : null;
        if (!SentenceEmbeddingGenerator.IsPresent(directory))
        {
            throw new InvalidOperationException("--embedder onnx needs VOICEHELPER_TOOLS_DIR with models/all-MiniLM-L6-v2 (scripts/fetch-embedding-model.sh).");
        }
        Memory.Add(["before loading the model", .. MemoryNow()]);
        var model = new SentenceEmbeddingGenerator(new SentenceEmbeddingOptions { ModelDirectory = directory, Threads = SentenceEmbeddingOptions.BulkThreads });
        Memory.Add(["model loaded", .. MemoryNow()]);
        var longest = string.Join(' ', Enumerable.Repeat("the archive option compresses files", 60));
        model.GenerateAsync(Enumerable.Repeat(longest, 16)).GetAwaiter().GetResult();
        Memory.Add(["after one full batch (16 x 256 word pieces)", .. MemoryNow()]);
        Embedder = model;
        QueryEmbedder = new SentenceEmbeddingGenerator(new SentenceEmbeddingOptions { ModelDirectory = directory });
        ModelId = SentenceEmbeddingGenerator.DefaultModelId;
    }

    /// <summary>
    /// Real chunks embedded by the model while the man pages and <c>--real</c> last; after that, each further vector is a
    /// blend of two embedded chunks (0.7 a + 0.3 b, normalised) stored with the text of a, a synthetic neighbour that keeps
    /// the real vectors' geometry (it lies between two real points) rather than random noise that HNSW finds easily.
    /// </summary>
    private static async Task<(List<ChunkDraft> Chunks, List<ReadOnlyMemory<float>> Vectors)> RealBatchAsync(int size)
    {
        var texts = new List<string>();
        while (texts.Count < size && Embedded.Count + texts.Count < RealLimit && RealChunks!.MoveNext())
        {
            texts.Add(RealChunks.Current);
        }
        var chunks = new List<ChunkDraft>();
        var vectors = new List<ReadOnlyMemory<float>>();
        if (texts.Count > 0)
        {
            var watch = Stopwatch.StartNew();
            var generated = await Embedder.GenerateAsync(texts);
            EmbedSeconds += watch.Elapsed.TotalSeconds;
            EmbedCount += texts.Count;
            for (var i = 0; i < texts.Count; i++)
            {
                var vector = generated[i].Vector.ToArray();
                Embedded.Add((texts[i], vector));
                chunks.Add(new ChunkDraft(texts[i], ["man"], null, texts[i].Count(c => c == ' ') + 1));
                vectors.Add(vector);
            }
            return (chunks, vectors);
        }
        var random = new Random(Blended + 11);
        for (var i = 0; i < size; i++)
        {
            var (text, a) = Embedded[random.Next(Embedded.Count)];
            var b = Embedded[random.Next(Embedded.Count)].Vector;
            var mixed = new float[a.Length];
            for (var d = 0; d < a.Length; d++)
            {
                mixed[d] = 0.7f * a[d] + 0.3f * b[d];
            }
            System.Numerics.Tensors.TensorPrimitives.Divide(mixed, System.Numerics.Tensors.TensorPrimitives.Norm(mixed), mixed);
            chunks.Add(new ChunkDraft(text, ["blend"], null, text.Count(c => c == ' ') + 1));
            vectors.Add(mixed);
            Blended++;
        }
        return (chunks, vectors);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<List<string>> SampleTextsAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var command = dataSource.CreateCommand($"SELECT text FROM chunks TABLESAMPLE SYSTEM (5) LIMIT {count}");
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts.Count >= count / 2 ? texts : await SampleAllAsync(dataSource, count);
    }

    private static async Task<List<string>> SampleAllAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var command = dataSource.CreateCommand($"SELECT text FROM chunks ORDER BY random() LIMIT {count}");
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }

    private static async Task MigrateAsync(NpgsqlDataSource dataSource)
    {
        var assembly = typeof(KnowledgeDbContext).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            await ExecuteAsync(dataSource, await new StreamReader(stream).ReadToEndAsync());
        }
    }

    private static async Task<int> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM chunks");
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
