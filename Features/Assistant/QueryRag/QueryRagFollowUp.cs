using System.Text.RegularExpressions;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// A follow-up ("and how do I reset it?") names nothing to retrieve by; the caller's previous question does.
/// Follow-ups are searched, cached and answered together with that question, so "it" means what it meant.
/// </summary>
public static partial class QueryRagFollowUp
{
    private const int ShortQuestionWords = 6;

    public static string RetrievalQuery(string query, IReadOnlyList<RagTurn>? history)
    {
        var previous = history?.LastOrDefault(t => t.Role == "user" && !string.IsNullOrWhiteSpace(t.Content))?.Content.Trim();
        if (previous is null || !IsFollowUp(query))
        {
            return query;
        }
        return $"{previous} {query}";
    }

    public static bool IsFollowUp(string query) =>
        Reference().IsMatch(query) || query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortQuestionWords && Continuation().IsMatch(query);

    [GeneratedRegex(@"\b(it|its|this|that|these|those|they|them|their|one)\b|它|这个|那个|这些|那些|他们", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*(and|also|what about|how about|then|so)\b|^\s*(那|还有|另外)", RegexOptions.IgnoreCase)]
    private static partial Regex Continuation();
}
