using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>HTML through AngleSharp: headings, paragraphs, list items, preformatted text and table rows, in document order.</summary>
public static class HtmlDocumentParser
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "tr", "dt", "dd", "figcaption", "caption",
    };

    public static ParseResult Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // Navigation, scripts and styles are not content.
        foreach (var noise in document.QuerySelectorAll("script, style, noscript, nav, template, svg").ToList())
        {
            noise.Remove();
        }
        var root = (IElement?)document.Body ?? document.DocumentElement;
        var blocks = new List<ParsedBlock>();
        foreach (var element in root.Descendants<IElement>())
        {
            if (!BlockTags.Contains(element.LocalName) || HasBlockAncestor(element, root))
            {
                continue;
            }
            var level = element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsDigit(element.LocalName[1])
                ? element.LocalName[1] - '0' : 0;
            var text = element.LocalName switch
            {
                "tr" => string.Join(" | ", element.Children.Where(c => c.LocalName is "td" or "th").Select(c => c.TextContent.Trim())),
                "li" => "- " + element.TextContent,
                _ => element.TextContent,
            };
            var cleaned = TextCleaner.Clean(text.Replace('\n', ' '));
            if (cleaned.Trim('-', ' ', '|').Length > 0)
            {
                blocks.Add(new ParsedBlock(cleaned, level));
            }
        }
        // Pages built from bare <div>s and text nodes: fall back to the visible text by line.
        return blocks.Count > 0 ? ParseResult.Ok(blocks) : TextDocumentParser.Parse(root.TextContent.Replace("\n", "\n\n", StringComparison.Ordinal));
    }

    private static bool HasBlockAncestor(IElement element, IElement root)
    {
        for (var parent = element.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            if (BlockTags.Contains(parent.LocalName))
            {
                return true;
            }
        }
        return false;
    }
}
