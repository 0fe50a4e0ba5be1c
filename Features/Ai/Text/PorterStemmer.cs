namespace VoiceHelper.Ai.Text;

/// <summary>
/// A small Porter-style suffix stripper (steps 1a, 1b, 1c and the common step 2-4 suffixes). It exists so that
/// "installing", "installed" and "installs" meet in one keyword term; it is not a full Porter implementation,
/// but the same function runs at index and at query time, which is what matters for matching.
/// </summary>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4 =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }
        var w = word;
        // Step 1a: plurals.
        if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("ies", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3) w = w[..^1];

        // Step 1b: -eed, -ed, -ing.
        var step1bCleanup = false;
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (Measure(w[..^3]) > 0) w = w[..^1];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w[..^2]))
        {
            w = w[..^2];
            step1bCleanup = true;
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]))
        {
            w = w[..^3];
            step1bCleanup = true;
        }
        if (step1bCleanup)
        {
            if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal))
                w += "e";
            else if (w.Length >= 2 && w[^1] == w[^2] && !"lsz".Contains(w[^1]) && IsConsonant(w, w.Length - 1))
                w = w[..^1];
            else if (Measure(w) == 1 && EndsCvc(w))
                w += "e";
        }

        // Step 1c: y -> i after a vowel-bearing stem.
        if (w.EndsWith('y') && HasVowel(w[..^1])) w = w[..^1] + "i";

        w = ReplaceSuffix(w, Step2, minimumMeasure: 0);
        w = ReplaceSuffix(w, Step3, minimumMeasure: 0);
        var step4Done = false;
        foreach (var suffix in Step4)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                if (Measure(w[..^suffix.Length]) > 1) w = w[..^suffix.Length];
                step4Done = true;
                break;
            }
        }
        if (!step4Done && (w.EndsWith("sion", StringComparison.Ordinal) || w.EndsWith("tion", StringComparison.Ordinal)) && Measure(w[..^3]) > 1)
        {
            w = w[..^3];
        }
        // Step 5a: a final e goes after a long stem, or after a short one that does not end consonant-vowel-consonant.
        if (w.EndsWith('e'))
        {
            var stem = w[..^1];
            var m = Measure(stem);
            if (m > 1 || (m == 1 && !EndsCvc(stem))) w = stem;
        }
        return w;
    }

    private static string ReplaceSuffix(string w, (string Suffix, string Replacement)[] rules, int minimumMeasure)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                return Measure(stem) > minimumMeasure ? stem + replacement : w;
            }
        }
        return w;
    }

    private static bool IsConsonant(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    private static bool HasVowel(string w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (!IsConsonant(w, i)) return true;
        }
        return false;
    }

    /// <summary>Porter's m: the number of vowel-consonant sequences.</summary>
    private static int Measure(string w)
    {
        var m = 0;
        var i = 0;
        while (i < w.Length && IsConsonant(w, i)) i++;
        while (i < w.Length)
        {
            while (i < w.Length && !IsConsonant(w, i)) i++;
            if (i >= w.Length) break;
            while (i < w.Length && IsConsonant(w, i)) i++;
            m++;
        }
        return m;
    }

    private static bool EndsCvc(string w) =>
        w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1)
        && !"wxy".Contains(w[^1]);
}
