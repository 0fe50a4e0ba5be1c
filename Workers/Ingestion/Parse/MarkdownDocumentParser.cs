using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>Markdown through Markdig's syntax tree: headings keep their level, lists and tables become text blocks.</summary>
public static class MarkdownDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static ParseResult Parse(string markdown)
    {
        var blocks = new List<ParsedBlock>();
        Walk(Markdown.Parse(markdown, Pipeline), blocks, listDepth: 0);
        return ParseResult.Ok(blocks);
    }

    private static void Walk(ContainerBlock container, List<ParsedBlock> blocks, int listDepth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Add(blocks, InlineText(heading.Inline), heading.Level);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        Add(blocks, string.Join(" | ", row.OfType<TableCell>().Select(CellText)), 0);
                    }
                    break;
                case ParagraphBlock paragraph:
                    Add(blocks, (listDepth > 0 ? "- " : "") + InlineText(paragraph.Inline), 0);
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    Add(blocks, leaf.Lines.ToString(), 0);
                    break;
                case ListBlock list:
                    Walk(list, blocks, listDepth + 1);
                    break;
                case ContainerBlock child:
                    Walk(child, blocks, listDepth);
                    break;
            }
        }
    }

    private static string CellText(TableCell cell)
    {
        var parts = new List<ParsedBlock>();
        Walk(cell, parts, 0);
        return string.Join(' ', parts.Select(p => p.Text));
    }

    private static void Add(List<ParsedBlock> blocks, string text, int level)
    {
        var cleaned = TextCleaner.Clean(text.Replace('\n', ' '));
        if (cleaned.Trim('-', ' ').Length > 0)
        {
            blocks.Add(new ParsedBlock(cleaned, level));
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }
                break;
        }
    }
}
