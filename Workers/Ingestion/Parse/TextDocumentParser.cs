namespace VoiceHelper.Ingestion.Parse;

/// <summary>
/// Plain text: paragraphs are separated by blank lines; there are no headings. Inside a paragraph a line break is a
/// soft wrap (joined with a space) unless the line was ended on purpose (<see cref="IsHardBreak"/>), so that the items
/// of an option list or a manual page's "-k, --keep" line and its description stay separate lines.
/// </summary>
public static class TextDocumentParser
{
    public static ParseResult Parse(string text, int? page = null) => ParseResult.Ok(Paragraphs(text, page).ToList());

    public static IEnumerable<ParsedBlock> Paragraphs(string text, int? page)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var width = normalized.Split('\n').Max(l => l.TrimEnd().Length);
        foreach (var paragraph in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = paragraph.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            var cleaned = TextCleaner.Clean(Join(lines, width));
            if (cleaned.Length > 0)
            {
                yield return new ParsedBlock(cleaned, 0, page);
            }
        }
    }

    /// <summary>The paragraph's lines, soft wraps joined with a space, hard breaks kept as line breaks, hyphenated words rejoined.</summary>
    private static string Join(List<string> lines, int documentWidth)
    {
        var paragraphWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (i == lines.Count - 1)
            {
                joined.Append(line);
                break;
            }
            // A typesetter's hyphenation at the line end ("op‐" + "tions"): one word again.
            if (line.Length > 1 && line[^1] is '\u2010' or '\u00AD' && char.IsLetter(line[^2]))
            {
                joined.Append(line[..^1]);
                continue;
            }
            joined.Append(line).Append(IsHardBreak(lines[i], lines[i + 1], paragraphWidth, documentWidth) ? '\n' : ' ');
        }
        return joined.ToString();
    }

    /// <summary>
    /// A line was ended on purpose when the next line's first word would still have fitted on it: within the document's
    /// widest line when the next line is indented further (a manual page's option line, then its indented description; a
    /// title over its text), within the paragraph's own widest line otherwise (a list of short lines; an indented first
    /// line of running text). A wrapped line of running text is full up to its width, so its next word never fits.
    /// </summary>
    public static bool IsHardBreak(string line, string next, int paragraphWidth, int documentWidth)
    {
        var nextText = next.TrimStart();
        var nextWord = nextText.Split(' ', 2)[0].Length;
        var fitsAt = line.TrimEnd().Length + 1 + nextWord;
        var indentsFurther = next.Length - nextText.Length > line.Length - line.TrimStart().Length;
        return fitsAt <= (indentsFurther ? documentWidth : paragraphWidth);
    }
}
