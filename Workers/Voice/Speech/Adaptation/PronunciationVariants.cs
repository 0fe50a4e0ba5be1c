namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// Other ways a caller (or a synthetic voice) says a knowledge base's new word than espeak-ng's reading of it:
/// a short token with no vowel letter spelled out ("pg" -> "p g"), and a run-together name split into the
/// dictionary words and spelled tokens it is made of ("isready" -> "is ready", "initdb" -> "init d b",
/// "pdftotext" -> "p d f to text"). Pronunciations of the parts come from the general dictionary.
/// </summary>
public static class PronunciationVariants
{
    /// <summary>Longest token spelled letter by letter; longer vowel-less runs are rarely spelled.</summary>
    private const int MaxSpelled = 4;

    /// <summary>
    /// The variants of <paramref name="word"/> (CMU phones), without <paramref name="primary"/>: its spelling when it is
    /// a short vowel-less token, and its fewest-part split into dictionary words (two letters or more) and spelled tokens.
    /// </summary>
    public static IReadOnlyList<string> For(string word, string? primary, IReadOnlyDictionary<string, string> dictionary)
    {
        var variants = new List<string>();
        if (Spelled(word, dictionary) is { } spelled)
        {
            variants.Add(spelled);
        }

        if (Split(word, dictionary) is { } split)
        {
            variants.Add(split);
        }

        return variants.Where(v => v != primary).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The letters' names ("p" -> P IY), when the token is short and has no vowel letter.</summary>
    private static string? Spelled(string token, IReadOnlyDictionary<string, string> dictionary)
    {
        if (token.Length > MaxSpelled || token.Any(c => "aeiouy".Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var letters = new List<string>();
        foreach (var letter in token)
        {
            if (!dictionary.TryGetValue(letter.ToString(), out var phones))
            {
                return null;
            }

            letters.Add(phones);
        }

        return string.Join(' ', letters);
    }

    /// <summary>
    /// The split into the fewest parts (at least two), each a dictionary word of two letters or more or a spelled token;
    /// a lone spelled letter counts one and a half, so "createdb" is "create d b", not "created b".
    /// </summary>
    private static string? Split(string word, IReadOnlyDictionary<string, string> dictionary)
    {
        // best[i]: the fewest parts covering word[..i], and their phones.
        var best = new (double Cost, string Phones)?[word.Length + 1];
        best[0] = (0, "");
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] is not { } before || (start == 0 && end == word.Length))
                {
                    continue;
                }

                var part = word[start..end];
                var entry = part.Length >= 2 && dictionary.TryGetValue(part, out var known) ? known : null;
                var phones = entry ?? Spelled(part, dictionary);
                var cost = before.Cost + (entry is null && part.Length == 1 ? 1.5 : 1);
                if (phones is not null && (best[end] is not { } current || cost < current.Cost))
                {
                    best[end] = (cost, before.Phones.Length == 0 ? phones : before.Phones + " " + phones);
                }
            }
        }

        return best[word.Length]?.Phones;
    }
}
