using System.Text;
using System.Text.RegularExpressions;

namespace VoiceHelper.Ingestion.Parse;

/// <summary>Normalises extracted text: Unicode NFKC, no control characters, runs of spaces collapsed.</summary>
public static partial class TextCleaner
{
    public static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            builder.Append(char.IsControl(ch) && ch != '\n' ? ' ' : ch);
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Decodes text files: a BOM decides UTF-16/UTF-8, otherwise UTF-8.</summary>
    public static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"[ \t\u00A0\u3000]+")]
    private static partial Regex Spaces();
}
