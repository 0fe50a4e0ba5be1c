using System.Diagnostics;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// Pronunciations for words a dictionary lacks, from espeak-ng's own letter-to-sound rules and exception lists
/// (Debian's <c>espeak-ng</c> program, one run for all the words of a build: libespeak-ng is process-global state
/// that the synthesis thread owns, so the build does not share it).
/// </summary>
public static class Pronouncer
{
    public static async Task<Dictionary<string, string>> PronounceAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return result;
        }

        var start = new ProcessStartInfo("espeak-ng", ["-q", "-x", "-v", "en-us"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        // One word a line: espeak-ng prints one line of phonemes per input line.
        await process.StandardInput.WriteAsync(string.Join('\n', words) + "\n");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng failed ({process.ExitCode}): {await error}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != words.Count)
        {
            throw new InvalidOperationException($"espeak-ng returned {lines.Length} pronunciations for {words.Count} words.");
        }

        for (var i = 0; i < words.Count; i++)
        {
            var phones = EspeakPhonemes.ToCmu(lines[i]);
            if (phones.Length > 0)
            {
                result[words[i]] = phones;
            }
        }

        return result;
    }
}
