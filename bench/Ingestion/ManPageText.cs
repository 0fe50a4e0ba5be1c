using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceHelper.Ingestion.Bench;

/// <summary>
/// Real English text for the sentence model: the machine's own manual page sources (/usr/share/man/man1..8, the
/// generated gcloud_* pages left out because they repeat one another), troff requests and escapes stripped, cut into
/// chunks of about <c>words</c> words along paragraph breaks. Identical chunks (licence blocks, shared option text) are
/// kept once, so that exact search has no ties that HNSW could not reproduce. Deterministic: files in ordinal order.
/// </summary>
public sealed partial class ManPageText(string root = "/usr/share/man")
{
    public IEnumerable<string> Chunks(int words)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in new[] { "man1", "man8", "man5", "man7", "man2", "man3" })
        {
            var folder = Path.Combine(root, section);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.GetFiles(folder, "*.gz").Where(f => !Path.GetFileName(f).StartsWith("gcloud", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                foreach (var chunk in ChunksOf(Read(file), words))
                {
                    if (seen.Add(chunk))
                    {
                        yield return chunk;
                    }
                }
            }
        }
    }

    /// <summary>Whole pages as plain text, for the throughput run through the worker's parser and chunker.</summary>
    public IEnumerable<(string Name, string Text)> Pages() =>
        Directory.GetFiles(Path.Combine(root, "man1"), "*.gz").Where(f => !Path.GetFileName(f).StartsWith("gcloud", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), Read(f))).Where(p => p.Item2.Length > 2000);

    private static string Read(string file)
    {
        try
        {
            using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            return Strip(new StreamReader(stream, Encoding.UTF8).ReadToEnd());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Paragraph breaks at .PP/.SH/.TP/blank lines; request arguments kept as text (.B word -> word).</summary>
    private static string Strip(string troff)
    {
        var text = new StringBuilder();
        foreach (var raw in troff.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith(".\\\"", StringComparison.Ordinal) || line.StartsWith("'\\\"", StringComparison.Ordinal) || line.StartsWith(".so ", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.Length == 0)
            {
                text.Append("\n\n");
                continue;
            }
            if (line.StartsWith('.') || line.StartsWith('\''))
            {
                var request = RequestPattern().Match(line);
                if (request.Success && request.Groups[1].Value is "SH" or "SS" or "PP" or "P" or "LP" or "TP" or "IP" or "sp" or "br")
                {
                    text.Append("\n\n");
                }
                if (request.Success && request.Groups[1].Value is "SH" or "SS" or "B" or "I" or "BR" or "IR" or "RB" or "BI" or "IB" or "RI" or "IP" or "Nm" or "Nd" or "Fl" or "Ar")
                {
                    text.Append(Unescape(request.Groups[2].Value.Replace("\"", ""))).Append(' ');
                }
                continue;
            }
            text.Append(Unescape(line)).Append(' ');
        }
        return text.ToString();
    }

    private static string Unescape(string line) =>
        SpacePattern().Replace(EscapePattern().Replace(line.Replace("\\-", "-").Replace("\\&", "").Replace("\\e", "\\"), ""), " ");

    private static IEnumerable<string> ChunksOf(string text, int words)
    {
        var current = new List<string>();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var paragraphWords = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (paragraphWords.Length == 0)
            {
                continue;
            }
            current.AddRange(paragraphWords);
            while (current.Count >= words)
            {
                yield return string.Join(' ', current.Take(words));
                current.RemoveRange(0, words);
            }
            if (current.Count >= words / 2)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }
        }
        if (current.Count >= 8)
        {
            yield return string.Join(' ', current);
        }
    }

    [GeneratedRegex(@"^[.'](\S*)\s*(.*)$")]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"\\f(\[[^\]]*\]|\(..|.)|\\s[-+]?\d|\\\(..|\\\*(\(..|.)|\\[|^%c0:~ ]|\\[a-zA-Z]")]
    private static partial Regex EscapePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
