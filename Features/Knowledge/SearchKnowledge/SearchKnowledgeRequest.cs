using System.Text.Json;
using MediatR;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>
/// The retrieval contract the Assistant calls. <paramref name="KbIds"/> empty = every knowledge base of the tenant;
/// <paramref name="Metadata"/> is a JSON object the document's metadata must contain (JSON containment);
/// the weights scale each signal's contribution to Reciprocal Rank Fusion in hybrid mode.
/// </summary>
public sealed record SearchKnowledgeRequest(
    string Query,
    IReadOnlyList<Guid>? KbIds = null,
    int TopK = 10,
    string Mode = KnowledgeSearchModes.Hybrid,
    JsonElement? Metadata = null,
    double VectorWeight = 1.0,
    double KeywordWeight = 1.0) : IRequest<Result<KnowledgeSearchResponse>>;
