using System.Text.RegularExpressions;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The embedded groundedness check: every answer sentence must cite a source, and the cited source must contain
/// most of the sentence's content terms. It needs no model, and it is strict on purpose: paraphrase beyond the
/// source's words counts as unsupported, which only costs a stricter regeneration.
/// </summary>
public static partial class QueryRagGroundedness
{
    public static IReadOnlyList<QueryRagSentenceCheck> Check(string answer, IReadOnlyDictionary<int, string> sourceTexts, double threshold)
    {
        if (GroundedPrompt.IsDontKnow(answer.Trim()))
        {
            return [];
        }
        var checks = new List<QueryRagSentenceCheck>();
        foreach (var sentence in SplitAnswer(answer))
        {
            var citations = Citation().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
            var claim = Citation().Replace(sentence, "").Trim();
            var terms = TextTokenizer.TermSet(claim);
            if (terms.Count == 0)
            {
                continue;
            }
            var cited = citations.Where(sourceTexts.ContainsKey).Select(n => TextTokenizer.TermSet(sourceTexts[n])).ToList();
            var support = cited.Count == 0 ? 0 : cited.Max(source => terms.Count(source.Contains) / (double)terms.Count);
            checks.Add(new QueryRagSentenceCheck(sentence, citations, support, support >= threshold));
        }
        return checks;
    }

    /// <summary>The answer without its unsupported sentences, or null when nothing supported is left.</summary>
    public static string? KeepSupported(string answer, IReadOnlyList<QueryRagSentenceCheck> checks)
    {
        var supported = checks.Where(c => c.Supported).Select(c => c.Sentence).ToList();
        if (supported.Count == 0)
        {
            return null;
        }
        return string.Join(TextTokenizer.IsMostlyChinese(answer) ? "" : " ", supported);
    }

    public static IReadOnlyList<int> CitedNumbers(string answer) =>
        Citation().Matches(answer).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

    /// <summary>Sentences with their trailing citations attached ("... 30 days. [1]" stays one sentence).</summary>
    public static List<string> SplitAnswer(string answer)
    {
        var sentences = new List<string>();
        foreach (var piece in Sentences.Split(answer))
        {
            // "... 30 days. [1] Next ..." splits after the period: the leading citation belongs to the sentence before.
            var leading = LeadingCitations().Match(piece);
            var rest = piece;
            if (sentences.Count > 0 && leading.Success)
            {
                sentences[^1] += " " + leading.Groups[1].Value.Trim();
                rest = piece[leading.Length..].Trim();
            }
            if (rest.Any(char.IsLetterOrDigit) && !TrailingCitationOnly().IsMatch(rest))
            {
                sentences.Add(rest);
            }
        }
        return sentences;
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^((?:\s*\[\d{1,3}\])+)[.。]?\s*")]
    private static partial Regex LeadingCitations();

    [GeneratedRegex(@"^(\s*\[\d{1,3}\]\s*)+[.。]?$")]
    private static partial Regex TrailingCitationOnly();
}
