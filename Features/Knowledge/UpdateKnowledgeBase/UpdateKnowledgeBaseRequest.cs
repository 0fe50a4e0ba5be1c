using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.UpdateKnowledgeBase;

/// <summary>A partial update: omitted fields keep their value. New chunk settings apply to documents uploaded afterwards.</summary>
public sealed record UpdateKnowledgeBaseRequest(string? Name = null, string? Description = null, int? ChunkSize = null,
    int? ChunkOverlap = null, string? Language = null) : IRequest<Result<KnowledgeBaseResponse>>
{
    [JsonIgnore] public Guid Id { get; init; }
}
