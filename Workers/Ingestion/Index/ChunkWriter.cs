using Npgsql;
using NpgsqlTypes;
using Pgvector;
using VoiceHelper.Ai.Text;
using VoiceHelper.Ingestion.Chunk;

namespace VoiceHelper.Ingestion.Index;

/// <summary>
/// Writes a document's chunks, vectors and BM25 postings with COPY inside the caller's transaction, so that a
/// document's index appears all at once (or not at all after a crash). Chunks go in binary (vectors through Pgvector);
/// the postings are plain text.
/// </summary>
public static class ChunkWriter
{
    /// <summary>Longer "words" (hashes, base64) are cut: B-tree entries have a size limit and such terms are never typed in full.</summary>
    public const int MaxTermLength = 64;

    public static async Task WriteAsync(NpgsqlConnection connection, Guid tenantId, Guid knowledgeBaseId, Guid documentId,
        IReadOnlyList<ChunkDraft> chunks, IReadOnlyList<ReadOnlyMemory<float>> embeddings, string embeddingModel, long? embeddingCorpusChunks, CancellationToken ct)
    {
        var ids = chunks.Select(_ => Guid.CreateVersion7()).ToArray();
        var postings = chunks.Select(c => Postings(c.IndexText)).ToArray();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY chunks (id, tenant_id, knowledge_base_id, document_id, ordinal, text, heading_path, page, token_count, term_count, embedding_dim, embedding, embedding_model, embedding_corpus_chunks) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(knowledgeBaseId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(documentId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(chunk.Text, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(chunk.HeadingPath.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                if (chunk.Page is { } page)
                {
                    await writer.WriteAsync(page, NpgsqlDbType.Integer, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
                await writer.WriteAsync(chunk.TokenCount, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(postings[i].Length, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(embeddings[i].Length, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(new Vector(embeddings[i]), ct);
                await writer.WriteAsync(embeddingModel, NpgsqlDbType.Text, ct);
                if (embeddingCorpusChunks is { } corpus)
                {
                    await writer.WriteAsync(corpus, NpgsqlDbType.Bigint, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        await using (var writer = await connection.BeginTextImportAsync(
            "COPY chunk_terms (term, chunk_id, knowledge_base_id, tf, chunk_length) FROM STDIN", ct))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                foreach (var (term, tf) in postings[i].Terms)
                {
                    await writer.WriteAsync($"{Escape(term)}\t{ids[i]}\t{knowledgeBaseId}\t{tf}\t{postings[i].Length}\n");
                }
            }
        }
        // The same postings per chunk in one row: what keyword search completes its contenders from (decision 0005).
        await using (var writer = await connection.BeginTextImportAsync("COPY chunk_term_vectors (chunk_id, terms, tfs, length) FROM STDIN", ct))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var terms = postings[i].Terms;
                await writer.WriteAsync($"{ids[i]}\t{Escape(ArrayLiteral(terms.Select(t => t.Term).ToList()))}\t{{{string.Join(',', terms.Select(t => t.Tf))}}}\t{postings[i].Length}\n");
            }
        }
    }

    /// <summary>Term frequencies and the chunk's length in terms, from the same tokeniser the query uses.</summary>
    public static ChunkPostings Postings(string text)
    {
        var terms = TextTokenizer.Tokenize(text);
        return new ChunkPostings(
            terms.Select(t => t.Length > MaxTermLength ? t[..MaxTermLength] : t)
                .GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count()))
                .ToList(),
            terms.Count);
    }

    private static string ArrayLiteral(IReadOnlyList<string> values) =>
        "{" + string.Join(',', values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}";

    /// <summary>COPY text format: backslash, tab and line breaks are escaped.</summary>
    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal);
}
