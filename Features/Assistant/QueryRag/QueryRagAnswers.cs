using System.Text.Json;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The decide stage's pure parts: which answer stands without generating one, and which answer may be cached.</summary>
public static class QueryRagAnswers
{
    /// <summary>Chit-chat and out-of-scope questions get the canned reply in their language, with no source.</summary>
    public static RagAnswer Canned(QueryRagQuestion question, double classificationMs, double totalMs) =>
        new(QueryRagClassifier.Reply(question.Classification), [], new RagMetrics(classificationMs, 0, 0, 0, 0, totalMs, 0, 0, false, false),
            question.Features, question.Classification, null, false);

    /// <summary>A cached answer, or null: an entry another version wrote in another shape is a miss, not an error.</summary>
    public static RagAnswer? Cached(string? payload)
    {
        if (payload is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<RagAnswer>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A cache hit, reported as this question's: its own classification, features and latencies, nothing spent.</summary>
    public static RagAnswer FromCache(RagAnswer cached, QueryRagQuestion question, IReadOnlyList<string> features, double classificationMs, double totalMs) =>
        cached with
        {
            Metrics = new RagMetrics(classificationMs, 0, 0, 0, 0, totalMs, 0, 0, true, false),
            FeaturesUsed = features,
            QueryClassifier = question.Classification,
        };

    /// <summary>"I don't know" is never cached: the next upload may answer it.</summary>
    public static bool Cacheable(QueryRagQuestion question, string answer) => question.UseCache && !GroundedPrompt.IsDontKnow(answer);
}
