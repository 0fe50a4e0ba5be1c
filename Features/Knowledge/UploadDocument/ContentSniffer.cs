using System.Text;

namespace VoiceHelper.Knowledge.UploadDocument;

/// <summary>
/// Decides a file's type from its bytes, never from its name: a PNG renamed to .pdf is a PNG. Text is
/// accepted only when it is valid UTF-8 (or UTF-16 with a BOM) without NUL bytes; within text, HTML and
/// Markdown are told apart by their markup.
/// </summary>
public static class ContentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string PlainText = "text/plain";

    /// <returns>The media type, or null when the content is not a supported type.</returns>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            // A docx is a zip whose first entries name the Word part; other zips (xlsx, jar) are not supported.
            var head = content[..Math.Min(content.Length, 64 * 1024)];
            return head.IndexOf("word/"u8) >= 0 ? Docx : null;
        }
        if (LooksBinary(content))
        {
            return null;
        }
        var text = DecodeText(content);
        if (text is null)
        {
            return null;
        }
        var start = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<", StringComparison.Ordinal) && text.Contains("</", StringComparison.Ordinal)
                && (text.Contains("<p", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase) || text.Contains("<h1", StringComparison.OrdinalIgnoreCase))))
        {
            return Html;
        }
        return LooksLikeMarkdown(text) ? Markdown : PlainText;
    }

    /// <summary>Decodes supported text encodings; null when the bytes are not text.</summary>
    public static string? DecodeText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(content[2..]);
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }
        // Images, archives and executables carry NULs or control bytes early; text never does.
        var head = content[..Math.Min(content.Length, 8192)];
        foreach (var b in head)
        {
            if (b == 0 || (b < 0x09) || (b is > 0x0D and < 0x20 and not 0x1B))
            {
                return true;
            }
        }
        return false;
    }

    private static bool LooksLikeMarkdown(string text)
    {
        var lines = text.Split('\n', 200);
        var marks = lines.Count(l => l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith("## ", StringComparison.Ordinal)
            || l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("```", StringComparison.Ordinal)
            || l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("* ", StringComparison.Ordinal)
            || l.StartsWith("|", StringComparison.Ordinal) || l.Contains("](", StringComparison.Ordinal));
        return marks > 0 && lines.Any(l => l.StartsWith('#') || l.StartsWith("```", StringComparison.Ordinal) || l.Contains("](", StringComparison.Ordinal));
    }
}
