using System.Text.Json;

namespace VoiceHelper.Contracts.Api;

/// <summary>
/// The body of Knowledge's <c>POST /api/v1/knowledge/search</c>. <paramref name="KbIds"/> empty = every knowledge base
/// of the tenant; <paramref name="Metadata"/> is a JSON object the document's metadata must contain; the weights scale
/// each signal's share of Reciprocal Rank Fusion in hybrid mode.
/// </summary>
public sealed record KnowledgeSearchRequest(
    string Query,
    IReadOnlyList<Guid>? KbIds = null,
    int TopK = 10,
    string Mode = KnowledgeSearchModes.Hybrid,
    JsonElement? Metadata = null,
    double VectorWeight = 1.0,
    double KeywordWeight = 1.0);
