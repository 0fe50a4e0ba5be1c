using System.Text.RegularExpressions;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>
/// Plain text: paragraphs are separated by blank lines; there are no headings. Inside a paragraph a line break is a
/// soft wrap (joined with a space) unless the line was ended on purpose (<see cref="IsHardBreak"/>), so that the items
/// of an option list or a manual page's "-k, --keep" line and its description stay separate lines. Running page
/// headers and footers are dropped (<see cref="WithoutRunningHeads"/>); a form feed separates pages.
/// </summary>
public static partial class TextDocumentParser
{
    public static ParseResult Parse(string text)
    {
        var pages = text.Split('\f');
        return ParseResult.Ok(Pages(pages, numbered: pages.Length > 1).ToList());
    }

    /// <summary>The paragraphs of each page (numbered from 1 when <paramref name="numbered"/>), running heads dropped.</summary>
    public static IEnumerable<ParsedBlock> Pages(IReadOnlyList<string> pages, bool numbered)
    {
        var cleaned = WithoutRunningHeads(pages);
        return cleaned.SelectMany((page, i) => Paragraphs(page, numbered ? i + 1 : null));
    }

    /// <summary>
    /// Drops running page headers and footers: lines at a page's top or bottom edge that either recur at an edge of
    /// another page (digits aside, so page numbers may differ), or are laid out in parts apart by wide gaps ("left
    /// centre right") with an outer part that is also an outer part of an edge line (itself included): a manual
    /// page's "VACUUMDB(1)   PostgreSQL 15.20 Documentation   VACUUMDB(1)" header and its "PostgreSQL 15.20   2026
    /// VACUUMDB(1)" footer, or pdftotext's "User Guide   12" over every page.
    /// </summary>
    public static string[] WithoutRunningHeads(IReadOnlyList<string> pages)
    {
        var lines = pages.Select(p => p.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')).ToArray();
        var edges = new List<(int Page, int Line)>();
        for (var p = 0; p < lines.Length; p++)
        {
            var filled = Enumerable.Range(0, lines[p].Length).Where(i => lines[p][i].Trim().Length > 0).ToList();
            if (filled.Count > 1)
            {
                edges.Add((p, filled[0]));
                edges.Add((p, filled[^1]));
            }
        }
        var keys = edges.Select(e => Key(lines[e.Page][e.Line])).ToList();
        var parts = edges.Select(e => Parts(lines[e.Page][e.Line])).ToList();
        var outer = parts.Where(x => x.Length > 1).SelectMany(x => new[] { x[0], x[^1] }).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < edges.Count; i++)
        {
            var recurs = Enumerable.Range(0, edges.Count).Any(j => edges[j].Page != edges[i].Page && keys[j] == keys[i]);
            var laidOut = parts[i].Length > 1 && (parts[i][0] == parts[i][^1] || outer[parts[i][0]] > 1 || outer[parts[i][^1]] > 1);
            if (recurs || laidOut)
            {
                lines[edges[i].Page][edges[i].Line] = "";
            }
        }
        return lines.Select(l => string.Join('\n', l)).ToArray();
    }

    private static string Key(string line) => Digits().Replace(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "#");

    /// <summary>A line's parts apart by gaps of three or more spaces, digits as '#'.</summary>
    private static string[] Parts(string line) => WideGap().Split(line.Trim()).Select(Key).ToArray();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[ \t]{3,}")]
    private static partial Regex WideGap();

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
