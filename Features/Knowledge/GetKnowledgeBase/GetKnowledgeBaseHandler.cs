using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetKnowledgeBase;

public sealed class GetKnowledgeBaseHandler(KnowledgeDbContext db, NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder)
    : IRequestHandler<GetKnowledgeBaseRequest, Result<KnowledgeBaseResponse>>
{
    public async Task<Result<KnowledgeBaseResponse>> Handle(GetKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        var kb = await db.KnowledgeBases.AsNoTracking().FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken);
        if (kb is null)
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        var model = EmbedderIdentity.Model(embedder);
        // A model server's dimension is not known up front (null): then the model alone tells old vectors from new.
        var dimension = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM chunks
            WHERE knowledge_base_id = @kb AND tenant_id = @tenant AND (embedding_model <> @model OR embedding_dim <> coalesce(@dimension, embedding_dim))
            """);
        command.Parameters.AddWithValue("kb", kb.Id);
        command.Parameters.AddWithValue("tenant", kb.TenantId);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.Add(new NpgsqlParameter<int?>("dimension", dimension));
        var pending = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        var current = pending == 0 && kb.EmbeddingModel == model && (dimension is null || kb.EmbeddingDimension == dimension);
        return KnowledgeBaseResponse.From(kb, new KnowledgeBaseEmbeddingStatus(current ? "current" : "reembedding", model, pending));
    }
}
