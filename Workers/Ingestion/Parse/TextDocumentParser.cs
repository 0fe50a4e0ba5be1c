namespace VoiceHelper.Ingestion.Parse;

/// <summary>Plain text: paragraphs are separated by blank lines; there are no headings.</summary>
public static class TextDocumentParser
{
    public static ParseResult Parse(string text, int? page = null) => ParseResult.Ok(Paragraphs(text, page).ToList());

    public static IEnumerable<ParsedBlock> Paragraphs(string text, int? page)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var paragraph in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // Lines inside a paragraph are soft wraps (typical of manuals and of pdftotext output).
            var cleaned = TextCleaner.Clean(string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            if (cleaned.Length > 0)
            {
                yield return new ParsedBlock(cleaned, 0, page);
            }
        }
    }
}
