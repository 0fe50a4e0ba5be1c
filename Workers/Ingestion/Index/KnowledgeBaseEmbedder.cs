using Microsoft.Extensions.AI;
using Npgsql;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ingestion.Index;

/// <summary>
/// Which embedder a knowledge base is indexed with (decision 0010): its declared language, else the text of a sample of
/// its chunks together with the chunks being added; and the record of that choice on the knowledge base, which search
/// and the re-embedding service follow.
/// </summary>
public static class KnowledgeBaseEmbedder
{
    /// <summary>Chunks read to tell a knowledge base's language: enough to see a mixed base, few enough to be cheap at 100,000 chunks.</summary>
    public const int SampleChunks = 200;

    public static async Task<IEmbeddingGenerator<string, Embedding<float>>> ChooseAsync(NpgsqlDataSource dataSource, KnowledgeEmbedders embedders,
        Guid kbId, IReadOnlyList<string> newTexts, CancellationToken ct)
    {
        if (!embedders.RoutesChinese)
        {
            return embedders.Default;
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT language FROM knowledge_bases WHERE id = @kb;
            SELECT text FROM chunks WHERE knowledge_base_id = @kb LIMIT {SampleChunks};
            """);
        command.Parameters.AddWithValue("kb", kbId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var language = await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetString(0) : null;
        await reader.NextResultAsync(ct);
        var texts = new List<string>(newTexts);
        while (await reader.ReadAsync(ct))
        {
            texts.Add(reader.GetString(0));
        }
        return embedders.For(language, texts);
    }

    /// <summary>Records the knowledge base's embedder (in the caller's transaction); chunks on any other are then stale.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid kbId,
        IEmbeddingGenerator<string, Embedding<float>> embedder, int dimension, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE knowledge_bases SET embedding_provider = @provider, embedding_model = @model, embedding_dimension = @dimension, updated_at = now()
            WHERE id = @kb AND (embedding_model <> @model OR embedding_dimension <> @dimension)
            """, connection, transaction);
        command.Parameters.AddWithValue("kb", kbId);
        command.Parameters.AddWithValue("provider", EmbedderIdentity.Provider(embedder));
        command.Parameters.AddWithValue("model", EmbedderIdentity.Model(embedder));
        command.Parameters.AddWithValue("dimension", dimension);
        await command.ExecuteNonQueryAsync(ct);
    }
}
