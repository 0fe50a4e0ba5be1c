using System.Globalization;
using System.Text.Json;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Knowledge's search answer. Read field by field rather than bound to Knowledge's own records: the services
/// share a wire contract, not code, and an added field on their side must not break this one.
/// </summary>
public sealed record KnowledgeSearchResult(IReadOnlyList<KnowledgeChunk> Chunks, bool KeywordFallback)
{
    public static KnowledgeSearchResult Parse(JsonElement root)
    {
        var items = First(root, "results", "chunks", "items", "hits");
        var chunks = new List<KnowledgeChunk>();
        if (items is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                var chunkId = Guid(item, "chunk_id", "id");
                var documentId = Guid(item, "document_id");
                if (chunkId is null || documentId is null)
                {
                    continue;
                }
                chunks.Add(new KnowledgeChunk(
                    chunkId.Value,
                    documentId.Value,
                    Guid(item, "knowledge_base_id", "kb_id"),
                    String(item, "title", "document_title", "file_name") ?? "",
                    HeadingPath(item),
                    Int(item, "page", "page_number"),
                    Int(item, "position", "chunk_index", "ordinal"),
                    String(item, "text", "content") ?? "",
                    Score(item)));
            }
        }
        return new KnowledgeSearchResult(chunks, IsKeywordFallback(root));
    }

    private static bool IsKeywordFallback(JsonElement root)
    {
        if (First(root, "fallback_reason") is { ValueKind: JsonValueKind.String })
        {
            return true;
        }
        if (First(root, "fallback", "keyword_fallback", "degraded") is { } flag)
        {
            if (flag.ValueKind == JsonValueKind.True)
            {
                return true;
            }
            if (flag.ValueKind == JsonValueKind.String && flag.GetString()!.Contains("keyword", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        if (First(root, "mode_used", "effective_mode") is { ValueKind: JsonValueKind.String } mode && mode.GetString() == "keyword"
            && First(root, "mode") is { ValueKind: JsonValueKind.String } requested && requested.GetString() != "keyword")
        {
            return true;
        }
        return First(root, "features_used", "warnings") is { ValueKind: JsonValueKind.Array } features
            && features.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.String && f.GetString()!.Contains("keyword", StringComparison.OrdinalIgnoreCase)
                && f.GetString()!.Contains("fallback", StringComparison.OrdinalIgnoreCase));
    }

    private static double Score(JsonElement item)
    {
        if (First(item, "score", "rrf_score", "fused_score") is { ValueKind: JsonValueKind.Number } score)
        {
            return score.GetDouble();
        }
        if (First(item, "scores") is { ValueKind: JsonValueKind.Object } scores)
        {
            foreach (var name in new[] { "hybrid", "fused", "rrf", "vector", "keyword" })
            {
                if (First(scores, name) is { } value)
                {
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        return value.GetDouble();
                    }
                    if (value.ValueKind == JsonValueKind.Object && First(value, "score") is { ValueKind: JsonValueKind.Number } nested)
                    {
                        return nested.GetDouble();
                    }
                }
            }
        }
        return 0;
    }

    private static string? HeadingPath(JsonElement item) => First(item, "heading_path", "headings") switch
    {
        { ValueKind: JsonValueKind.Array } path => string.Join(" > ", path.EnumerateArray().Select(p => p.ToString())),
        { ValueKind: JsonValueKind.String } path => path.GetString(),
        _ => null,
    };

    private static JsonElement? First(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }
        }
        return null;
    }

    private static string? String(JsonElement element, params string[] names) =>
        First(element, names) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static Guid? Guid(JsonElement element, params string[] names) =>
        String(element, names) is { } text && System.Guid.TryParse(text, out var id) ? id : null;

    private static int? Int(JsonElement element, params string[] names) => First(element, names) switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
        { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };
}
