using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>Word documents through DocumentFormat.OpenXml: heading styles give levels, numbered paragraphs become list items, tables rows.</summary>
public static class DocxDocumentParser
{
    public static ParseResult Parse(byte[] content)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return ParseResult.Fail(ParseFailure.CorruptDocx, "The Word document has no body.");
            }
            var blocks = new List<ParsedBlock>();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        AddParagraph(paragraph, blocks);
                        break;
                    case Table table:
                        foreach (var row in table.Elements<TableRow>())
                        {
                            var text = string.Join(" | ", row.Elements<TableCell>().Select(c => TextCleaner.Clean(c.InnerText)));
                            if (text.Trim('|', ' ').Length > 0)
                            {
                                blocks.Add(new ParsedBlock(text));
                            }
                        }
                        break;
                }
            }
            return ParseResult.Ok(blocks);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException
                                       or System.Xml.XmlException or ArgumentException)
        {
            return ParseResult.Fail(ParseFailure.CorruptDocx, "The Word document could not be read.");
        }
    }

    private static void AddParagraph(Paragraph paragraph, List<ParsedBlock> blocks)
    {
        var text = TextCleaner.Clean(paragraph.InnerText);
        if (text.Length == 0)
        {
            return;
        }
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var level = style.Equals("Title", StringComparison.OrdinalIgnoreCase) ? 1
            : style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan(7), out var n) ? Math.Clamp(n, 1, 6)
            : 0;
        var isList = paragraph.ParagraphProperties?.NumberingProperties is not null;
        blocks.Add(new ParsedBlock(level == 0 && isList ? "- " + text : text, level));
    }
}
