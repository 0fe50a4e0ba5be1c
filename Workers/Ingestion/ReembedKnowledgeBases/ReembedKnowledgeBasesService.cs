using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ingestion.Chunk;
using VoiceHelper.Ingestion.Common;
using VoiceHelper.Ingestion.Index;

namespace VoiceHelper.Ingestion.ReembedKnowledgeBases;

/// <summary>
/// Keeps every knowledge base's chunks on the knowledge base's embedder (decisions 0008, 0010). Once per process it
/// decides each knowledge base's embedder from its language or text (<see cref="KnowledgeBaseEmbedder"/>) and records
/// it, so an English base moves to the sentence model when that is installed and a Chinese one stays lexical; a base
/// recorded with an embedder this worker does not have is decided again. Chunks on another embedder are then
/// re-embedded in batches, each batch its own transaction (a crash loses at most one batch, and a restart carries on
/// from the chunks still on the old embedder). Search meanwhile compares queries only with vectors of their own
/// embedder. On the lexical embedder it also refreshes chunks weighted by a corpus that has since grown or shrunk more
/// than twofold (decision 0009). Batches are idempotent, so several worker instances may do this at once.
/// </summary>
public sealed class ReembedKnowledgeBasesService(NpgsqlDataSource dataSource, KnowledgeEmbedders embedders,
    IOptions<IngestionOptions> options, ILogger<ReembedKnowledgeBasesService> logger) : BackgroundService
{
    private readonly HashSet<Guid> _decided = [];
    private readonly Dictionary<string, int> _dimensions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DecideAsync(stoppingToken);
                if (await NextStaleAsync(stoppingToken) is { } stale)
                {
                    await ReembedAsync(stale.Id, stale.Embedder, stoppingToken);
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The embedder or the database is down: the work is still there on the next round.
                logger.LogWarning(ex, "Re-embedding paused; retrying in {Interval}", options.Value.ReembedInterval);
            }
            await Task.Delay(options.Value.ReembedInterval, stoppingToken);
        }
    }

    /// <summary>Records the embedder of each knowledge base not decided yet by this process (ingestion decides again with every document).</summary>
    private async Task DecideAsync(CancellationToken ct)
    {
        var bases = new List<(Guid Id, string Model, int Dimension)>();
        await using (var command = dataSource.CreateCommand("SELECT id, embedding_model, embedding_dimension FROM knowledge_bases"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                bases.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }
        foreach (var (id, model, dimension) in bases.Where(b => !_decided.Contains(b.Id) || embedders.ForModel(b.Model) is null))
        {
            var embedder = await KnowledgeBaseEmbedder.ChooseAsync(dataSource, embedders, id, [], ct);
            var target = await DimensionAsync(embedder, ct);
            if (EmbedderIdentity.Model(embedder) != model || target != dimension)
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await KnowledgeBaseEmbedder.RecordAsync(connection, null, id, embedder, target, ct);
                logger.LogInformation("Knowledge base {KnowledgeBaseId} moves from {Old} to {New}", id, model, EmbedderIdentity.Model(embedder));
            }
            _decided.Add(id);
        }
    }

    /// <summary>The dimension of an embedder's vectors: a model server's is known only from a vector.</summary>
    private async Task<int> DimensionAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken ct)
    {
        var model = EmbedderIdentity.Model(embedder);
        if (!_dimensions.TryGetValue(model, out var dimension))
        {
            dimension = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions
                ?? (await embedder.GenerateAsync(["dimension probe"], cancellationToken: ct))[0].Vector.Length;
            _dimensions[model] = dimension;
        }
        return dimension;
    }

    /// <summary>
    /// A chunk of knowledge base @kb on another embedder than the base's (@model, @dimension), or, on the lexical embedder,
    /// weighted by a corpus more than twofold off today's.
    /// </summary>
    private static readonly string Stale = $"""
        (c.embedding_model <> @model OR c.embedding_dim <> @dimension
         OR (@weighted AND (c.embedding_corpus_chunks < (SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb) / {TermStatistics.StaleAfterGrowth}
                            OR c.embedding_corpus_chunks > (SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb) * {TermStatistics.StaleAfterGrowth})))
        """;

    private async Task<(Guid Id, IEmbeddingGenerator<string, Embedding<float>> Embedder)?> NextStaleAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            (SELECT k.id, k.embedding_model FROM knowledge_bases k
             WHERE EXISTS (SELECT 1 FROM chunks c WHERE c.knowledge_base_id = k.id AND (c.embedding_model <> k.embedding_model OR c.embedding_dim <> k.embedding_dimension))
             ORDER BY k.updated_at LIMIT 1)
            UNION ALL
            (SELECT k.id, k.embedding_model FROM knowledge_bases k JOIN knowledge_base_stats s ON s.knowledge_base_id = k.id
             WHERE k.embedding_model = @lexical AND (
                EXISTS (SELECT 1 FROM chunks c WHERE c.knowledge_base_id = s.knowledge_base_id AND c.embedding_corpus_chunks < s.chunk_count / {TermStatistics.StaleAfterGrowth})
                OR EXISTS (SELECT 1 FROM chunks c WHERE c.knowledge_base_id = s.knowledge_base_id AND c.embedding_corpus_chunks > s.chunk_count * {TermStatistics.StaleAfterGrowth}))
             LIMIT 1)
            """);
        command.Parameters.AddWithValue("lexical", HashedNgramEmbeddingGenerator.ModelId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // A base on an embedder this worker lacks waits for DecideAsync (or a worker that has it).
            if (embedders.ForModel(reader.GetString(1)) is { } embedder)
            {
                return (reader.GetGuid(0), embedder);
            }
        }
        return null;
    }

    private async Task ReembedAsync(Guid kbId, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken ct)
    {
        var model = EmbedderIdentity.Model(embedder);
        var dimension = await DimensionAsync(embedder, ct);
        var done = 0;
        while (true)
        {
            var batch = await StaleChunksAsync(kbId, model, dimension, ct);
            if (batch.Count == 0)
            {
                break;
            }
            var texts = batch.Select(c => c.IndexText).ToList();
            var statistics = await CorpusStatistics.ForAsync(dataSource, embedder, kbId, texts, textsAreNew: false, ct);
            var vectors = await embedder.GenerateAsync(texts, statistics?.ToOptions(), ct);
            // Only while the knowledge base is still on this embedder: a concurrent decision may have moved it.
            await using var command = dataSource.CreateCommand($"""
                UPDATE chunks c SET embedding = u.embedding, embedding_dim = @dimension, embedding_model = @model, embedding_corpus_chunks = @corpus
                FROM unnest(@ids::uuid[], @vectors::vector[]) AS u(id, embedding)
                WHERE c.id = u.id AND {Stale}
                  AND EXISTS (SELECT 1 FROM knowledge_bases k WHERE k.id = @kb AND k.embedding_model = @model AND k.embedding_dimension = @dimension)
                """);
            command.Parameters.AddWithValue("ids", batch.Select(c => c.Id).ToArray());
            command.Parameters.AddWithValue("vectors", vectors.Select(v => new Vector(v.Vector)).ToArray());
            command.Parameters.AddWithValue("corpus", statistics is null ? DBNull.Value : (long)statistics.Documents);
            AddStaleParameters(command, kbId, model, dimension);
            var updated = await command.ExecuteNonQueryAsync(ct);
            if (updated == 0)
            {
                break;
            }
            done += updated;
        }
        logger.LogInformation("Knowledge base {KnowledgeBaseId} re-embedded with {Model} ({Dimension} dims): {Chunks} chunks", kbId, model, dimension, done);
    }

    private async Task<List<ReembedKnowledgeBasesChunk>> StaleChunksAsync(Guid kbId, string model, int dimension, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, text, heading_path FROM chunks c
            WHERE knowledge_base_id = @kb AND {Stale}
            ORDER BY id LIMIT @limit
            """);
        AddStaleParameters(command, kbId, model, dimension);
        command.Parameters.AddWithValue("limit", options.Value.EmbedBatchSize);
        var chunks = new List<ReembedKnowledgeBasesChunk>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            chunks.Add(new ReembedKnowledgeBasesChunk(reader.GetGuid(0), new ChunkDraft(reader.GetString(1), reader.GetFieldValue<string[]>(2), null, 0).IndexText));
        }
        return chunks;
    }

    private static void AddStaleParameters(NpgsqlCommand command, Guid kbId, string model, int dimension)
    {
        command.Parameters.AddWithValue("kb", kbId);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("dimension", dimension);
        command.Parameters.AddWithValue("weighted", model == HashedNgramEmbeddingGenerator.ModelId);
    }
}
