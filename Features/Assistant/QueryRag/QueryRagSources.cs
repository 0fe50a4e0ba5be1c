using VoiceHelper.Contracts.Api;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The cite stage: the sources the answer is given and which of them it cites.</summary>
public static class QueryRagSources
{
    public static string HeadingPath(KnowledgeSearchHit chunk) => string.Join(" > ", chunk.HeadingPath);

    /// <summary>Every source given to the model, each marked whether the answer cites it; none for "I don't know".</summary>
    public static List<RagSource> Cited(IReadOnlyList<QueryRagContextSource> context, string answer)
    {
        if (GroundedPrompt.IsDontKnow(answer))
        {
            return [];
        }
        var cited = QueryRagGroundedness.CitedNumbers(answer);
        return context.Select(s => From(s, cited.Contains(s.Number))).ToList();
    }

    public static RagSource From(QueryRagContextSource source, bool cited)
    {
        var heading = HeadingPath(source.Chunk);
        return new RagSource(source.Number, source.Chunk.DocumentId, source.Chunk.ChunkId, source.Chunk.KnowledgeBaseId, source.Chunk.DocumentTitle,
            heading.Length == 0 ? null : heading, source.Chunk.Page, source.Chunk.Position, Math.Round(source.Score, 6), source.Text, cited);
    }

    /// <summary>The sources as the prompt numbers them; the heading path is part of the title ("Password reset" is context).</summary>
    public static List<GroundedSource> ForPrompt(IReadOnlyList<QueryRagContextSource> context) =>
        context.Select(s => new GroundedSource(s.Number,
            HeadingPath(s.Chunk) is { Length: > 0 } heading ? $"{s.Chunk.DocumentTitle} > {heading}" : s.Chunk.DocumentTitle, s.Text)).ToList();

    /// <summary>What the groundedness check compares a sentence citing [n] with.</summary>
    public static Dictionary<int, string> ForCheck(IReadOnlyList<QueryRagContextSource> context) =>
        context.ToDictionary(s => s.Number, s => $"{s.Chunk.DocumentTitle}\n{HeadingPath(s.Chunk)}\n{s.Chunk.Text}");
}
