using Microsoft.Extensions.Options;
using VoiceHelper.Ingestion.Common;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>Picks the parser from the media type the Knowledge service detected from the content at upload.</summary>
public sealed class DocumentParser(IOptions<IngestionOptions> options)
{
    public async Task<ParseResult> ParseAsync(byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var result = contentType switch
        {
            "application/pdf" => await new PdfDocumentParser(options.Value.ToolTimeout,
                string.IsNullOrEmpty(options.Value.WorkDirectory) ? Path.GetTempPath() : options.Value.WorkDirectory).ParseAsync(content, cancellationToken),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => DocxDocumentParser.Parse(content),
            "text/html" => HtmlDocumentParser.Parse(TextCleaner.Decode(content)),
            "text/markdown" => MarkdownDocumentParser.Parse(TextCleaner.Decode(content)),
            "text/plain" => TextDocumentParser.Parse(TextCleaner.Decode(content)),
            _ => ParseResult.Fail(ParseFailure.UnsupportedType, $"Documents of type {contentType} cannot be ingested."),
        };
        return result.Failure is null && result.Blocks.All(b => b.IsHeading || string.IsNullOrWhiteSpace(b.Text))
            ? ParseResult.Fail(ParseFailure.EmptyText, "The document contains no extractable text.")
            : result;
    }
}
