namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>The MaxScore stopping rule, as a pure function over the essential terms' partial scores.</summary>
public static class SearchKnowledgeMaxScore
{
    /// <summary>
    /// Given the best partial scores (over the essential terms, best first) and the largest contribution the other terms
    /// can add, returns the chunks that may still end in the top <paramref name="limit"/>, or null when the essential
    /// terms must grow: when a chunk matching none of them could still reach the top (rest bound ≥ the last place), or
    /// when the contenders were cut off by the read limit (<paramref name="truncated"/>). A chunk left out scores below
    /// the current last place even with every other term at its maximum, so the final top is exact.
    /// </summary>
    public static List<(Guid Id, double Score)>? Contenders(IReadOnlyList<(Guid Id, double Score)> partials, int limit, double restBound, bool truncated)
    {
        if (restBound == 0)
        {
            return [.. partials.Take(limit)];
        }
        var threshold = partials.Count >= limit ? partials[limit - 1].Score : 0;
        if (restBound >= threshold)
        {
            return null;
        }
        var contenders = partials.Where(p => p.Score + restBound >= threshold).ToList();
        return truncated && contenders.Count == partials.Count ? null : contenders;
    }
}
