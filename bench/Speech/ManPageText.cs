using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// The running text of an installed manual page, read from its gzipped roff source in process. Rendering thousands of
/// pages with man(1) took longer than the builds being measured (about a second a page on a busy machine, with no
/// output meanwhile), which made the build-cost table look like a hang. Markup goes: requests, font and size escapes.
/// </summary>
internal static partial class ManPageText
{
    // Macros whose arguments are text (headings, fonts); every other request is layout and only breaks paragraphs.
    private static readonly HashSet<string> TextMacros = ["SH", "SS", "B", "I", "BR", "IR", "RB", "RI", "BI", "IB", "SM", "SB", "TH", "Nm", "Nd", "Sh", "Ar", "Fl"];

    public static string Read(string path)
    {
        using var file = File.OpenRead(path);
        using var source = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(source, Encoding.UTF8);
        var text = new StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('.') || line.StartsWith('\''))
            {
                var request = line[1..].TrimStart();
                var name = request.Split(' ', 2)[0];
                if (TextMacros.Contains(name) && request.Length > name.Length)
                {
                    text.Append(Unescape(request[(name.Length + 1)..].Replace("\"", "", StringComparison.Ordinal))).Append(name is "SH" or "SS" or "TH" or "Sh" ? "\n\n" : "\n");
                }
                else if (name is "PP" or "LP" or "P" or "TP" or "IP" or "sp" or "Pp")
                {
                    text.Append("\n\n");
                }

                continue;
            }

            text.Append(Unescape(line)).Append('\n');
        }

        return text.ToString();
    }

    private static string Unescape(string line) => Escape().Replace(line, m => m.Value switch
    {
        @"\-" => "-",
        @"\e" => "\\",
        @"\ " or @"\~" => " ",
        _ => m.Value.StartsWith(@"\(", StringComparison.Ordinal) ? " " : "",
    });

    // \fB \f(CW \f[B], \*(xx \*x, \s+2, \(em, \[...], and any other two-character escape.
    [GeneratedRegex(@"\\(f(\(..|\[[^\]]*\]|.)|\*(\(..|\[[^\]]*\]|.)|s[+-]?\d+|\(..|\[[^\]]*\]|.)")]
    private static partial Regex Escape();
}
