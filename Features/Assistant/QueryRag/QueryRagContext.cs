using VoiceHelper.Contracts.Api;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// Builds the model's context to a token budget: chunks in rank order, each trimmed to the sentences that share
/// terms with the question plus their neighbours (an answer often continues into the next sentence; a short line
/// before is its label), so that more
/// chunks fit and the model is not distracted by the rest of a long chunk. The chunk's line breaks stay.
/// </summary>
public static class QueryRagContext
{
    /// <summary>A line of at most this many words just before a relevant line is its label.</summary>
    private const int LabelWords = 5;

    public static List<QueryRagContextSource> Build(string question, IReadOnlyList<(KnowledgeSearchHit Chunk, double Score)> ranked, int tokenBudget)
    {
        var questionTerms = TextTokenizer.TermSet(question);
        var sources = new List<QueryRagContextSource>();
        var remaining = tokenBudget;
        foreach (var (chunk, score) in ranked)
        {
            var text = Trim(chunk.Text, questionTerms, Math.Max(remaining, 0));
            var cost = TokenEstimate.Count(text);
            if (text.Length == 0 || cost > remaining)
            {
                continue;
            }
            sources.Add(new QueryRagContextSource(sources.Count + 1, chunk, text, score));
            remaining -= cost;
        }
        return sources;
    }

    public static string Trim(string text, IReadOnlySet<string> questionTerms, int budget)
    {
        if (TokenEstimate.Count(text) <= Math.Min(budget, 200))
        {
            return text.Trim();
        }
        // Sentences line by line: a sentence that starts a line keeps its line break (an option line, a list item).
        var lines = text.Split('\n').Select(line => Sentences.Split(line)).ToList();
        var sentences = lines.SelectMany(l => l).ToList();
        var startsLine = lines.SelectMany(l => l.Select((_, i) => i == 0)).ToList();
        var relevance = sentences.Select(s => TextTokenizer.TermSet(s).Count(questionTerms.Contains)).ToList();
        var keep = new bool[sentences.Count];
        var priority = relevance.ToArray();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (relevance[i] > 0)
            {
                keep[i] = true;
                if (i + 1 < sentences.Count)
                {
                    keep[i + 1] = true;
                }
                // A short line just before a relevant line is its label (an option line over its description): the
                // answer is often the name the label gives, so it is kept and ranked with the line it labels.
                if (i > 0 && startsLine[i] && startsLine[i - 1] && sentences[i - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= LabelWords)
                {
                    keep[i - 1] = true;
                    priority[i - 1] = Math.Max(priority[i - 1], relevance[i]);
                }
            }
        }
        // Most relevant first until the budget is spent, then printed in document order.
        var chosen = new SortedSet<int>();
        var used = 0;
        foreach (var i in Enumerable.Range(0, sentences.Count).Where(i => keep[i]).OrderByDescending(i => priority[i]).ThenBy(i => i))
        {
            var cost = TokenEstimate.Count(sentences[i]);
            if (used + cost > budget)
            {
                continue;
            }
            chosen.Add(i);
            used += cost;
        }
        var trimmed = new System.Text.StringBuilder();
        var previous = -2;
        foreach (var i in chosen)
        {
            if (previous >= 0 && i != previous + 1)
            {
                trimmed.Append(" …");
            }
            if (trimmed.Length > 0)
            {
                trimmed.Append(startsLine[i] ? '\n' : ' ');
            }
            trimmed.Append(sentences[i]);
            previous = i;
        }
        return trimmed.ToString();
    }
}
