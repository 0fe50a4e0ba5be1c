using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.CreateKnowledgeBase;

/// <summary>Chunk size and overlap are in tokens (a Latin word or a CJK character each); omitted values take the service defaults.</summary>
public sealed record CreateKnowledgeBaseRequest(string Name, string? Description = null, int? ChunkSize = null, int? ChunkOverlap = null,
    string? Language = null) : IRequest<Result<KnowledgeBaseResponse>>;
