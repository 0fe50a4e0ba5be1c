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
/// Brings every knowledge base onto the worker's configured embedder (decision 0008): a knowledge base recorded with
/// another model or dimension has its chunks re-embedded in batches, each batch its own transaction (a crash loses at
/// most one batch, and a restart carries on from the chunks still on the old embedder), then the knowledge base's
/// record is switched once no old chunk is left. Search meanwhile compares queries only with vectors of their own
/// embedder. With the lexical embedder it also refreshes chunks weighted by a corpus that has since grown or shrunk
/// more than twofold (decision 0009), so a knowledge base's first documents do not keep the weights of a tiny corpus.
/// Batches are idempotent, so several worker instances may do this at once.
/// </summary>
public sealed class ReembedKnowledgeBasesService(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<IngestionOptions> options, ILogger<ReembedKnowledgeBasesService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var model = EmbedderIdentity.Model(embedder);
        int? dimension = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The dimension of a model server's vectors is known only from a vector.
                dimension ??= (await embedder.GenerateAsync(["dimension probe"], cancellationToken: stoppingToken))[0].Vector.Length;
                if (await NextStaleAsync(model, dimension.Value, stoppingToken) is { } kbId)
                {
                    await ReembedAsync(kbId, model, dimension.Value, stoppingToken);
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

    /// <summary>A chunk of knowledge base @kb on another embedder, or (lexical embedder) weighted by a corpus more than twofold off today's.</summary>
    private static readonly string Stale = $"""
        (c.embedding_model <> @model OR c.embedding_dim <> @dimension
         OR (@weighted AND (c.embedding_corpus_chunks < (SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb) / {TermStatistics.StaleAfterGrowth}
                            OR c.embedding_corpus_chunks > (SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb) * {TermStatistics.StaleAfterGrowth})))
        """;

    private async Task<Guid?> NextStaleAsync(string model, int dimension, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            (SELECT id FROM knowledge_bases WHERE embedding_model <> @model OR embedding_dimension <> @dimension ORDER BY updated_at LIMIT 1)
            UNION ALL
            (SELECT s.knowledge_base_id FROM knowledge_base_stats s
             WHERE @weighted AND (
                EXISTS (SELECT 1 FROM chunks c WHERE c.knowledge_base_id = s.knowledge_base_id AND c.embedding_corpus_chunks < s.chunk_count / {TermStatistics.StaleAfterGrowth})
                OR EXISTS (SELECT 1 FROM chunks c WHERE c.knowledge_base_id = s.knowledge_base_id AND c.embedding_corpus_chunks > s.chunk_count * {TermStatistics.StaleAfterGrowth}))
             LIMIT 1)
            LIMIT 1
            """);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("dimension", dimension);
        command.Parameters.AddWithValue("weighted", TermStatistics.AreUsedBy(embedder));
        return await command.ExecuteScalarAsync(ct) as Guid?;
    }

    private async Task ReembedAsync(Guid kbId, string model, int dimension, CancellationToken ct)
    {
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
            await using var command = dataSource.CreateCommand($"""
                UPDATE chunks c SET embedding = u.embedding, embedding_dim = @dimension, embedding_model = @model, embedding_corpus_chunks = @corpus
                FROM unnest(@ids::uuid[], @vectors::vector[]) AS u(id, embedding)
                WHERE c.id = u.id AND {Stale}
                """);
            command.Parameters.AddWithValue("ids", batch.Select(c => c.Id).ToArray());
            command.Parameters.AddWithValue("vectors", vectors.Select(v => new Vector(v.Vector)).ToArray());
            command.Parameters.AddWithValue("corpus", statistics is null ? DBNull.Value : (long)statistics.Documents);
            AddStaleParameters(command, kbId, model, dimension);
            done += await command.ExecuteNonQueryAsync(ct);
        }
        // Switched only when no old chunk is left (one may have been written by a worker still on the old configuration),
        // and only if it names another embedder: a refresh of weights is not a change of the knowledge base.
        await using var finish = dataSource.CreateCommand("""
            UPDATE knowledge_bases k SET embedding_provider = @provider, embedding_model = @model, embedding_dimension = @dimension, updated_at = now()
            WHERE k.id = @kb AND (k.embedding_model <> @model OR k.embedding_dimension <> @dimension) AND NOT EXISTS (
                SELECT 1 FROM chunks c WHERE c.knowledge_base_id = k.id AND (c.embedding_model <> @model OR c.embedding_dim <> @dimension))
            """);
        finish.Parameters.AddWithValue("kb", kbId);
        finish.Parameters.AddWithValue("provider", EmbedderIdentity.Provider(embedder));
        finish.Parameters.AddWithValue("model", model);
        finish.Parameters.AddWithValue("dimension", dimension);
        await finish.ExecuteNonQueryAsync(ct);
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

    private void AddStaleParameters(NpgsqlCommand command, Guid kbId, string model, int dimension)
    {
        command.Parameters.AddWithValue("kb", kbId);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("dimension", dimension);
        command.Parameters.AddWithValue("weighted", TermStatistics.AreUsedBy(embedder));
    }
}
