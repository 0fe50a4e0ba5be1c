using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>
/// Decides a PDF's structure from <c>pdftohtml -xml</c> output, which only has positioned runs of text and their font
/// sizes: runs on one baseline become a line (a table row keeps its cells), close lines a paragraph, and short lines in
/// a clearly larger font than the body a heading, one level per distinct size. Pure, so tests feed it small XML strings.
/// </summary>
public static partial class PdfStructure
{
    // 14 pt over a 12 pt body is a heading, 12 pt over 11 pt is not (emphasis or a different font's metrics).
    private const double HeadingSizeRatio = 1.15;
    private const double SameSizeRatio = 1.05;
    private const int MaxHeadingLength = 120;
    private const int MaxHeadingLines = 3;
    // poppler already merges the words of a line into one run; a gap of a line height or more separates table cells.
    private const double CellGapInHeights = 1.0;
    private const double JoinedGapInHeights = 0.1;

    public static List<ParsedBlock> Blocks(string xml)
    {
        var elements = Read(xml);
        if (elements.Count == 0)
        {
            return [];
        }
        // The body is the size that carries the most text, not the most runs: headings are many short runs.
        var bodySize = elements.GroupBy(e => e.Size).MaxBy(g => g.Sum(e => e.Text.Length))!.Key;
        var lines = elements.GroupBy(e => e.Page).OrderBy(g => g.Key).SelectMany(g => Lines(g)).ToList();
        var pitches = TypicalPitches(lines);
        var runs = new List<List<PdfTextLine>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0 || StartsBlock(lines[i - 1], lines[i], pitches))
            {
                runs.Add([]);
            }
            runs[^1].Add(lines[i]);
        }

        var headingSizes = runs.Where(r => IsLargeHeading(r, bodySize)).Select(r => r[0].Size).Distinct().OrderDescending().ToList();
        var blocks = new List<ParsedBlock>(runs.Count);
        foreach (var run in runs)
        {
            var text = Join(run);
            var level = IsLargeHeading(run, bodySize) ? headingSizes.IndexOf(run[0].Size) + 1
                // Bold body-size lines standing alone are headings only below every sized heading: bold is also used
                // for emphasis, so it never outranks a real size difference.
                : IsBoldHeading(run, bodySize) ? headingSizes.Count + 1
                : 0;
            blocks.Add(new ParsedBlock(text, Math.Min(level, 6), run[0].Page));
        }
        return blocks;
    }

    private static bool IsLargeHeading(List<PdfTextLine> run, double bodySize) =>
        run.Count <= MaxHeadingLines && run[0].Size >= bodySize * HeadingSizeRatio
        // A numbered line ("2. Installation") in a larger font is a numbered heading, not a list item.
        && run.All(l => !l.IsTableRow) && ReadsLikeHeading(Join(run));

    private static bool IsBoldHeading(List<PdfTextLine> run, double bodySize) =>
        run is [{ Bold: true, IsTableRow: false, IsListItem: false } line] && SameSize(line.Size, bodySize) && ReadsLikeHeading(line.Text);

    private static bool ReadsLikeHeading(string text) =>
        text.Length <= MaxHeadingLength && text.Any(char.IsLetter) && text[^1] is not ('.' or ',' or ';' or '!' or '。' or '，' or '；' or '！')
        && !ContentsEntry().IsMatch(text);

    private static bool SameSize(double a, double b) => Math.Max(a, b) < Math.Min(a, b) * SameSizeRatio;

    private static bool StartsBlock(PdfTextLine previous, PdfTextLine line, Dictionary<double, double> pitches)
    {
        if (previous.Page != line.Page || line.IsTableRow || previous.IsTableRow || line.IsListItem || !SameSize(previous.Size, line.Size))
        {
            return true;
        }
        // A gap half a line taller than the usual line spacing is a blank line or paragraph spacing.
        var pitch = pitches.TryGetValue(previous.Size, out var typical) ? Math.Max(typical, previous.Height) : previous.Height;
        return line.Top - previous.Top > pitch + 0.5 * previous.Height;
    }

    /// <summary>The most common distance between consecutive lines of each size: the document's own line spacing.</summary>
    private static Dictionary<double, double> TypicalPitches(List<PdfTextLine> lines)
    {
        var pitches = new List<(double Size, double Pitch)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var (previous, line) = (lines[i - 1], lines[i]);
            var pitch = Math.Round(line.Top - previous.Top);
            if (previous.Page == line.Page && previous.Size == line.Size && !previous.IsTableRow && !line.IsTableRow
                && pitch > 0 && pitch < 3 * previous.Height)
            {
                pitches.Add((line.Size, pitch));
            }
        }
        // A spacing seen once says nothing: it may be the very gap being judged.
        return pitches.GroupBy(p => p.Size)
            .Select(g => g.GroupBy(p => p.Pitch).OrderByDescending(p => p.Count()).ThenBy(p => p.Key).First())
            .Where(g => g.Count() >= 2)
            .ToDictionary(g => g.First().Size, g => g.Key);
    }

    private static IEnumerable<PdfTextLine> Lines(IEnumerable<PdfTextElement> page)
    {
        var groups = new List<List<PdfTextElement>>();
        foreach (var element in page.OrderBy(e => e.Top).ThenBy(e => e.Left))
        {
            if (groups.Count > 0 && OnSameLine(groups[^1], element))
            {
                groups[^1].Add(element);
            }
            else
            {
                groups.Add([element]);
            }
        }
        foreach (var group in groups)
        {
            var cells = group.OrderBy(e => e.Left).ToList();
            var text = new StringBuilder(cells[0].Text);
            var isTableRow = false;
            for (var i = 1; i < cells.Count; i++)
            {
                var gap = cells[i].Left - (cells[i - 1].Left + cells[i - 1].Width);
                var height = Math.Min(cells[i].Height, cells[i - 1].Height);
                // A bullet or number set apart from its item is a list marker, not a table cell.
                var cell = gap >= CellGapInHeights * height && !IsMarkerOnly(text.ToString());
                isTableRow |= cell;
                text.Append(cell ? " | " : gap < JoinedGapInHeights * height ? "" : " ").Append(cells[i].Text);
            }
            var cleaned = TextCleaner.Clean(text.ToString());
            if (cleaned.Length == 0)
            {
                // Runs of control characters only: nothing a reader sees.
                continue;
            }
            var marker = ListMarker().Match(cleaned);
            if (marker.Success && marker.Groups["bullet"].Success)
            {
                // Bullets read like the other formats' list items.
                cleaned = "- " + cleaned[marker.Length..].TrimStart();
            }
            var size = cells.GroupBy(e => e.Size).MaxBy(g => g.Sum(e => e.Text.Length))!.Key;
            yield return new PdfTextLine(cells[0].Page, cells.Min(e => e.Top), cells.Max(e => e.Height), size, cleaned,
                cells.All(e => e.Bold), isTableRow, marker.Success);
        }
    }

    /// <summary>Runs share a line when they overlap vertically by half the smaller height: mixed sizes share a baseline, not a top.</summary>
    private static bool OnSameLine(List<PdfTextElement> line, PdfTextElement element)
    {
        var overlap = Math.Min(line.Max(e => e.Bottom), element.Bottom) - Math.Max(line.Min(e => e.Top), element.Top);
        return overlap >= 0.5 * Math.Min(line.Min(e => e.Height), element.Height);
    }

    private static string Join(List<PdfTextLine> run)
    {
        var text = new StringBuilder(run[0].Text);
        foreach (var line in run.Skip(1))
        {
            // Soft wraps: a space between words, nothing between CJK characters.
            var cjk = text.Length > 0 && line.Text.Length > 0 && TextTokenizer.IsCjk(text[^1]) && TextTokenizer.IsCjk(line.Text[0]);
            text.Append(cjk ? "" : " ").Append(line.Text);
        }
        return TextCleaner.Clean(text.ToString());
    }

    private static List<PdfTextElement> Read(string xml)
    {
        // The XML describes an uploaded, untrusted PDF: no DTD, no external entities, and control characters from
        // the PDF's text do not abort the parse.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var fontSizes = new Dictionary<string, double>(StringComparer.Ordinal);
        var elements = new List<PdfTextElement>();
        var page = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "page":
                    page = (int?)Number(reader, "number") ?? page + 1;
                    break;
                case "fontspec":
                    // Font ids are document-wide: a page only declares the fonts not seen on an earlier page.
                    fontSizes[reader.GetAttribute("id") ?? ""] = Number(reader, "size") ?? 0;
                    break;
                case "text" when !reader.IsEmptyElement:
                    var (top, left, width, height) = (Number(reader, "top") ?? 0, Number(reader, "left") ?? 0, Number(reader, "width") ?? 0, Number(reader, "height") ?? 0);
                    var size = fontSizes.GetValueOrDefault(reader.GetAttribute("font") ?? "", height);
                    var (text, bold) = Content(reader);
                    if (!string.IsNullOrWhiteSpace(text) && height > 0)
                    {
                        elements.Add(new PdfTextElement(page, top, left, width, height, size, text.Trim(), bold));
                    }
                    break;
            }
        }
        return elements;
    }

    /// <summary>The text of a <c>&lt;text&gt;</c> element (poppler nests <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c> and <c>&lt;a&gt;</c>), and whether all of it is bold.</summary>
    private static (string Text, bool Bold) Content(XmlReader reader)
    {
        var depth = reader.Depth;
        var text = new StringBuilder();
        var boldDepth = 0;
        var letters = 0;
        var boldLetters = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "b" && !reader.IsEmptyElement:
                    boldDepth++;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "b":
                    boldDepth--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    var count = reader.Value.Count(c => !char.IsWhiteSpace(c));
                    letters += count;
                    boldLetters += boldDepth > 0 ? count : 0;
                    break;
            }
        }
        return (text.ToString(), letters > 0 && boldLetters == letters);
    }

    private static bool IsMarkerOnly(string text)
    {
        var marker = ListMarker().Match(text.Trim());
        return marker.Success && marker.Length >= text.Trim().Length;
    }

    private static double? Number(XmlReader reader, string attribute) =>
        double.TryParse(reader.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // A table of contents repeats the headings in their size, but with dot leaders and a page number.
    [GeneratedRegex(@"(?:\.\s?){3,}\s*\d+$")]
    private static partial Regex ContentsEntry();

    // "• item", "- item", "1. step", "a) option"; U+F0B7 is the Symbol-font bullet Word writes into PDFs.
    [GeneratedRegex(@"^(?:(?<bullet>[•◦▪▫‣·●○■□–\-*\uF0B7\uF0A7])|(?:\d{1,2}|[a-z])[.)])(?:\s|$)")]
    private static partial Regex ListMarker();
}
