using System.Data;
using System.Diagnostics;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.SearchKnowledge;

public sealed class SearchKnowledgeHandler(KnowledgeDbContext db, NpgsqlDataSource dataSource,
    KnowledgeEmbedders embedders, IOptions<KnowledgeOptions> options, ILogger<SearchKnowledgeHandler> logger)
    : IRequestHandler<SearchKnowledgeRequest, Result<KnowledgeSearchResponse>>
{
    public async Task<Result<KnowledgeSearchResponse>> Handle(SearchKnowledgeRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var requested = request.KbIds?.Distinct().ToList() ?? [];
        // Resolving the ids through the tenant filter is what keeps another tenant's knowledge base out: it is simply not found.
        var bases = await db.KnowledgeBases.AsNoTracking()
            .Where(k => requested.Count == 0 || requested.Contains(k.Id))
            .Select(k => new { k.Id, k.EmbeddingModel }).ToListAsync(cancellationToken);
        var kbIds = bases.Select(k => k.Id).ToList();
        if (kbIds.Count < requested.Count)
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        var filter = request.Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata.GetRawText() : null;
        var candidates = Math.Max(request.TopK, settings.CandidatesPerSignal);
        var tenantId = db.CurrentTenantId;

        var wantVector = request.Mode is KnowledgeSearchModes.Vector or KnowledgeSearchModes.Hybrid;
        var wantKeyword = request.Mode is KnowledgeSearchModes.Keyword or KnowledgeSearchModes.Hybrid;
        var searchVector = wantVector && kbIds.Count > 0;
        // The searched bases by their embedder (decision 0010): the query is embedded once per embedder and compared only
        // with that embedder's vectors. A base on an embedder this process lacks has no vector signal until re-embedded.
        var groups = searchVector
            ? bases.GroupBy(k => k.EmbeddingModel)
                .Select(g => (Embedder: embedders.ForModel(g.Key), KbIds: g.Select(k => k.Id).ToList()))
                .Where(g => g.Embedder is not null)
                .Select(g => new SearchKnowledgeVectorGroup(g.Embedder!, g.KbIds))
                .ToList()
            : [];
        // A model's embedding starts before a connection is held and is awaited only by the vector signal, so the keyword
        // signal runs meanwhile: a hybrid search costs the slower of (embedding + vector query) and the keyword query, not
        // their sum. The sentence model computes synchronously, hence its own thread.
        var modelEmbeddings = groups.Where(g => !TermStatistics.AreUsedBy(g.Embedder))
            .Select(g => (Group: g, Embedding: Task.Run(() => TryEmbedAsync(g.Embedder, request.Query, null, cancellationToken), cancellationToken)))
            .ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both signals and the chunk load: a version replaced meanwhile is wholly there or wholly gone.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        Func<NpgsqlConnection, NpgsqlTransaction, Task<List<(Guid, double)>?>>? vectorQuery = searchVector
            ? async (c, t) =>
            {
                foreach (var (group, embedding) in modelEmbeddings)
                {
                    group.Query = await embedding;
                }
                // The lexical embedder weights the query's terms by the searched corpus (decision 0009), read in the search's snapshot.
                foreach (var group in groups.Where(g => TermStatistics.AreUsedBy(g.Embedder)))
                {
                    var statistics = await SearchKnowledgeQueries.TermStatisticsAsync(c, t, group.KbIds, request.Query, cancellationToken);
                    group.Query = await TryEmbedAsync(group.Embedder, request.Query, statistics.ToOptions(), cancellationToken);
                }
                // Null (vector search unavailable) when every embedder failed; no group at all is an empty signal, not a failure.
                var embedded = groups.Where(g => g.Query is not null).ToList();
                return embedded.Count > 0 || groups.Count == 0 ? await VectorGroupsAsync(c, t, tenantId, embedded, filter, candidates, cancellationToken) : null;
            }
            : null;
        Func<NpgsqlConnection, NpgsqlTransaction, Task<List<(Guid, double)>>>? keywordQuery = wantKeyword && kbIds.Count > 0
            ? (c, t) => SearchKnowledgeQueries.KeywordAsync(c, t, kbIds, request.Query, filter, candidates, settings.Bm25K1, settings.Bm25B, cancellationToken)
            : null;
        var (vectorHits, keywordHits) = await SearchKnowledgeQueries.OnSharedSnapshotAsync(dataSource, connection, transaction, vectorQuery, keywordQuery, cancellationToken);
        // Null when the embedder or the vector query failed: hybrid then answers from keywords.
        var vector = searchVector ? vectorHits : [];
        var keyword = keywordHits ?? [];

        if (vector is null && request.Mode == KnowledgeSearchModes.Vector)
        {
            return KnowledgeErrors.VectorSearchUnavailable;
        }
        var effectiveMode = vector is null ? KnowledgeSearchModes.Keyword : request.Mode;
        var fused = effectiveMode switch
        {
            KnowledgeSearchModes.Vector => SearchKnowledgeFusion.Ranked(vector!, isVector: true, request.TopK),
            KnowledgeSearchModes.Keyword => SearchKnowledgeFusion.Ranked(keyword, isVector: false, request.TopK),
            _ => SearchKnowledgeFusion.Fuse(vector!, keyword, settings.RrfK, request.VectorWeight, request.KeywordWeight, request.TopK),
        };
        var chunks = await SearchKnowledgeQueries.LoadChunksAsync(connection, transaction, tenantId, fused.Select(f => f.ChunkId).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var results = fused
            .Where(f => chunks.ContainsKey(f.ChunkId))
            .Select((f, i) =>
            {
                var chunk = chunks[f.ChunkId];
                return new KnowledgeSearchHit(chunk.Id, chunk.DocumentId, chunk.DocumentTitle, chunk.KnowledgeBaseId, chunk.HeadingPath, chunk.Page,
                    chunk.Position, chunk.Text, i + 1, f.Score, f.Vector, f.Keyword);
            })
            .ToList();
        return new KnowledgeSearchResponse(request.Query, request.Mode, effectiveMode,
            vector is null ? "vector_search_unavailable" : null, results, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The vector signal over every group, or null when the vector index failed. Cosines of two models are not comparable,
    /// so several groups are merged by rank, alternating.
    /// </summary>
    private async Task<List<(Guid, double)>?> VectorGroupsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId,
        List<SearchKnowledgeVectorGroup> groups, string? filter, int candidates, CancellationToken cancellationToken)
    {
        var lists = new List<List<(Guid, double)>>();
        foreach (var group in groups)
        {
            if (await TryVectorAsync(connection, transaction, tenantId, group.KbIds, group.Query!.Value, EmbedderIdentity.Model(group.Embedder), filter, candidates,
                    cancellationToken) is not { } hits)
            {
                return null;
            }
            lists.Add(hits);
        }
        return lists.Count == 1 ? lists[0]
            : Enumerable.Range(0, lists.Select(l => l.Count).DefaultIfEmpty(0).Max()).SelectMany(i => lists.Where(l => i < l.Count).Select(l => l[i])).Take(candidates).ToList();
    }

    /// <summary>The query's embedding, or null when the embedder failed (hybrid then answers from keywords).</summary>
    private async Task<ReadOnlyMemory<float>?> TryEmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, string query, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return (await embedder.GenerateAsync([query], options, cancellationToken))[0].Vector;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Query embedding failed; answering from keyword search");
            return null;
        }
    }

    /// <summary>The vector signal, or null when the vector index failed; a savepoint keeps the transaction usable for keywords.</summary>
    private async Task<List<(Guid, double)>?> TryVectorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, List<Guid> kbIds,
        ReadOnlyMemory<float> query, string model, string? filter, int candidates, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("vector", cancellationToken);
        try
        {
            // Not released: a savepoint left open costs nothing until the commit, a RELEASE costs a round trip.
            return await SearchKnowledgeQueries.VectorAsync(connection, transaction, tenantId, kbIds, query, model, filter, candidates,
                options.Value.HnswEfSearch, exact: false, cancellationToken);
        }
        catch (PostgresException ex)
        {
            logger.LogWarning(ex, "Vector search failed; answering from keyword search");
            await transaction.RollbackAsync("vector", cancellationToken);
            return null;
        }
    }
}
