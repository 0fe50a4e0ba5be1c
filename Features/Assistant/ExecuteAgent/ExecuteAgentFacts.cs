using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// Picks, from knowledge_search's passages, the sentence that best matches a lookup (most of its words) and the figure in
/// it. Quoting the sentence is the evidence: the planner never states a figure the knowledge base does not contain.
/// </summary>
public static partial class ExecuteAgentFacts
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "with", "what", "how", "much", "does", "is", "are", "of", "to", "in", "on", "an", "a", "it", "its",
        "per", "by", "or", "our", "your", "you", "we", "do", "can", "this", "that", "be", "at", "from", "as",
    ];

    /// <param name="searchResult">knowledge_search's result: <c>{query, results: [{title, text, score}]}</c>.</param>
    /// <param name="wantFigure">Prefer a sentence with a figure (a lookup that is computed with).</param>
    public static ExecuteAgentFact? Find(string lookup, JsonElement? searchResult, bool wantFigure)
    {
        if (searchResult is not { ValueKind: JsonValueKind.Object } result || !result.TryGetProperty("results", out var results))
        {
            return null;
        }
        var words = Words(lookup);
        var candidates = new List<(ExecuteAgentFact Fact, double Score)>();
        var rank = 0;
        foreach (var passage in results.EnumerateArray())
        {
            rank++;
            var title = passage.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            var text = passage.TryGetProperty("text", out var x) ? x.GetString() ?? "" : "";
            foreach (var sentence in SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                var overlap = words.Count(Words(sentence).Contains);
                // At least half the lookup's words must be there: a sentence that shares one word is not an answer.
                if (overlap > 0 && overlap * 2 >= words.Count)
                {
                    // More matching words first, then the better-ranked passage.
                    candidates.Add((new ExecuteAgentFact(title, sentence, Figure(sentence)), overlap - rank * 0.01));
                }
            }
        }
        var ordered = candidates.OrderByDescending(c => c.Score).Select(c => c.Fact).ToList();
        // A lookup to compute with takes the best sentence with a figure; without one, the closest sentence says what there is.
        return (wantFigure ? ordered.FirstOrDefault(f => f.Figure is not null) : null) ?? ordered.FirstOrDefault();
    }

    public static decimal? Figure(string sentence)
    {
        var match = Number().Match(sentence);
        return match.Success && decimal.TryParse(match.Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.TrimEnd('s')).Where(w => w.Length > 1 && !StopWords.Contains(w)).ToHashSet();

    [GeneratedRegex(@"(?<=[.!?。！？])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    /// <summary>1,234.50 or 12.5 or 30; not a citation marker like [1].</summary>
    [GeneratedRegex(@"(?<![\[\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\]\w])|(?<![\[\w.])\d+(?:\.\d+)?(?![\]\w])")]
    private static partial Regex Number();
}
