using System.Diagnostics;
using System.Text;
using System.Xml;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>
/// PDF through Debian poppler-utils, in a child process with a timeout so that a hostile or broken file can hang or
/// crash only that process (an in-process library such as PdfPig could take the worker down with it): <c>pdfinfo</c> tells encrypted from corrupt,
/// <c>pdftohtml -xml</c> gives positioned text with font sizes, from which <see cref="PdfStructure"/> decides headings,
/// paragraphs and table rows per page; <c>pdftotext -layout</c> (text with a form feed between pages) is the fallback.
/// </summary>
public sealed class PdfDocumentParser(TimeSpan timeout, string workDirectory)
{
    public async Task<ParseResult> ParseAsync(byte[] content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(workDirectory, $"voicehelper-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        try
        {
            var info = await RunAsync("pdfinfo", [path], cancellationToken);
            if (info.ExitCode != 0 || info.Stdout.Contains("Encrypted:", StringComparison.Ordinal) is false)
            {
                return info.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase)
                    ? ParseResult.Fail(ParseFailure.EncryptedPdf, "The PDF is encrypted (password protected).")
                    : ParseResult.Fail(ParseFailure.CorruptPdf, "The PDF could not be read.");
            }
            if (info.Stdout.Split('\n').Any(l => l.StartsWith("Encrypted:", StringComparison.Ordinal) && l.Contains("yes", StringComparison.Ordinal)))
            {
                return ParseResult.Fail(ParseFailure.EncryptedPdf, "The PDF is encrypted.");
            }
            var layout = await RunAsync("pdftohtml", ["-xml", "-i", "-stdout", "-q", "-enc", "UTF-8", path], cancellationToken);
            if (layout.ExitCode == 0 && Structure(layout.Stdout) is { } structured)
            {
                return ParseResult.Ok(structured);
            }
            // Without positions there are no headings, but the text with its pages is still worth indexing.
            var text = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], cancellationToken);
            if (text.ExitCode != 0)
            {
                return ParseResult.Fail(ParseFailure.CorruptPdf, "The PDF's text could not be extracted.");
            }
            var blocks = new List<ParsedBlock>();
            var pages = text.Stdout.Split('\f');
            for (var i = 0; i < pages.Length; i++)
            {
                blocks.AddRange(TextDocumentParser.Paragraphs(pages[i], page: i + 1));
            }
            return ParseResult.Ok(blocks);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The structured blocks, or null when poppler's XML is unusable or holds no body text.</summary>
    private static List<ParsedBlock>? Structure(string xml)
    {
        try
        {
            var blocks = PdfStructure.Blocks(xml);
            return blocks.Any(b => !b.IsHeading) ? blocks : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A pathological PDF must not hold the partition forever.
            process.Kill(entireProcessTree: true);
            return (-1, "", "timeout");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
