using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetKnowledgeBase;

public sealed class GetKnowledgeBaseHandler(KnowledgeDbContext db, NpgsqlDataSource dataSource, KnowledgeEmbedders embedders)
    : IRequestHandler<GetKnowledgeBaseRequest, Result<KnowledgeBaseResponse>>
{
    public async Task<Result<KnowledgeBaseResponse>> Handle(GetKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        var kb = await db.KnowledgeBases.AsNoTracking().FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken);
        if (kb is null)
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        // The knowledge base's own embedder (decision 0010); when this process does not have it, the record is about to be
        // decided again by the worker and every chunk counts as pending.
        var embedder = embedders.ForModel(kb.EmbeddingModel);
        var model = embedder is null ? "" : kb.EmbeddingModel;
        // A model server's dimension is not known up front (null): then the model alone tells old vectors from new.
        var dimension = embedder?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*) FILTER (WHERE c.embedding_model <> @model OR c.embedding_dim <> coalesce(@dimension, c.embedding_dim)),
                   count(*) FILTER (WHERE @weighted AND (c.embedding_corpus_chunks < s.n / {TermStatistics.StaleAfterGrowth} OR c.embedding_corpus_chunks > s.n * {TermStatistics.StaleAfterGrowth}))
            FROM chunks c, (SELECT coalesce((SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb), 0) AS n) s
            WHERE c.knowledge_base_id = @kb AND c.tenant_id = @tenant
            """);
        command.Parameters.AddWithValue("kb", kb.Id);
        command.Parameters.AddWithValue("tenant", kb.TenantId);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.Add(new NpgsqlParameter<int?>("dimension", dimension));
        command.Parameters.AddWithValue("weighted", embedder is not null && TermStatistics.AreUsedBy(embedder));
        long pending, staleWeights;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (pending, staleWeights) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var current = embedder is not null && pending == 0 && (dimension is null || kb.EmbeddingDimension == dimension);
        return KnowledgeBaseResponse.From(kb, new KnowledgeBaseEmbeddingStatus(current ? "current" : "reembedding", kb.EmbeddingModel, pending, staleWeights));
    }
}
