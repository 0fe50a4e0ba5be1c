using MediatR;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.CreateKnowledgeBase;

public sealed class CreateKnowledgeBaseHandler(KnowledgeDbContext db, KnowledgeEmbedders embedders,
    IOptions<KnowledgeOptions> options, TimeProvider clock) : IRequestHandler<CreateKnowledgeBaseRequest, Result<KnowledgeBaseResponse>>
{
    public async Task<Result<KnowledgeBaseResponse>> Handle(CreateKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        // The knowledge base records the embedder it is indexed with (by its declared language; its first documents may
        // change that, decision 0010), so that a later change of configuration is detectable.
        var metadata = embedders.For(request.Language, []).GetService<EmbeddingGeneratorMetadata>();
        var now = clock.GetUtcNow();
        var kb = new KnowledgeBase
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            Description = request.Description,
            ChunkSize = request.ChunkSize ?? options.Value.DefaultChunkSize,
            ChunkOverlap = request.ChunkOverlap ?? Math.Min(options.Value.DefaultChunkOverlap, (request.ChunkSize ?? options.Value.DefaultChunkSize) / 4),
            Language = request.Language,
            EmbeddingProvider = metadata?.ProviderName ?? "unknown",
            EmbeddingModel = metadata?.DefaultModelId ?? "unknown",
            EmbeddingDimension = metadata?.DefaultModelDimensions ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.KnowledgeBases.Add(kb);
        await db.SaveChangesAsync(cancellationToken);
        return KnowledgeBaseResponse.From(kb);
    }
}
