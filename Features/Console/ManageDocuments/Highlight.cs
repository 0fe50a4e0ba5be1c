using System.Text.RegularExpressions;

namespace VoiceHelper.Console.ManageDocuments;

/// <summary>Splits a hit's text into plain and matching runs, so the page can mark the query's words in it.</summary>
public static partial class Highlight
{
    public static IReadOnlyList<(string Text, bool Hit)> Split(string text, string query)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [(text, false)];
        }
        var pattern = new Regex(string.Join('|', terms.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));
        var runs = new List<(string, bool)>();
        var at = 0;
        foreach (Match match in pattern.Matches(text))
        {
            if (match.Index > at)
            {
                runs.Add((text[at..match.Index], false));
            }
            runs.Add((match.Value, true));
            at = match.Index + match.Length;
        }
        if (at < text.Length)
        {
            runs.Add((text[at..], false));
        }
        return runs;
    }

    /// <summary>Words of two letters or more; Chinese has no spaces, so each Han character counts as a term of its own.</summary>
    internal static List<string> Terms(string query) =>
        Word().Matches(query).Select(m => m.Value)
            .SelectMany(w => Han().IsMatch(w) ? w.Select(c => c.ToString()) : [w])
            .Where(w => w.Length >= 2 || Han().IsMatch(w))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length)
            .ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
