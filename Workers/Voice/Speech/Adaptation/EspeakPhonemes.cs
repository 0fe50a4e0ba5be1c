namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// espeak-ng's ASCII phoneme mnemonics (what <c>espeak-ng -x</c> prints for en-us) as the CMU phones of
/// pocketsphinx's US English model. Longest match first; stress, syllable and length marks are dropped.
/// </summary>
public static class EspeakPhonemes
{
    private static readonly (string Espeak, string Cmu)[] Table =
    [
        ("aI@", "AY ER"), ("aU@", "AW ER"), ("aI3", "AY ER"),
        ("A:", "AA"), ("A@", "AA R"), ("O:", "AO"), ("O@", "AO R"), ("3:", "ER"), ("@L", "AH L"), ("e@", "EH R"),
        ("eI", "EY"), ("i:", "IY"), ("aI", "AY"), ("aU", "AW"), ("OI", "OY"), ("oU", "OW"), ("u:", "UW"), ("I@", "IH R"),
        ("U@", "UH R"), ("i@", "IY ER"), ("tS", "CH"), ("dZ", "JH"), ("a#", "AE"), ("I#", "IH"), ("I2", "IH"), ("@2", "AH"),
        ("@5", "AH"), ("0#", "AA"), ("t#", "T"), ("n-", "AH N"), ("l-", "AH L"), ("r-", "ER"), ("3", "ER"), ("a", "AE"),
        ("0", "AA"), ("O", "AO"), ("@", "AH"), ("E", "EH"), ("e", "EH"), ("I", "IH"), ("i", "IY"), ("U", "UH"), ("V", "AH"),
        ("T", "TH"), ("D", "DH"), ("S", "SH"), ("Z", "ZH"), ("N", "NG"), ("j", "Y"), ("x", "K"), ("C", "HH"), ("p", "P"),
        ("b", "B"), ("t", "T"), ("d", "D"), ("k", "K"), ("g", "G"), ("f", "F"), ("v", "V"), ("s", "S"), ("z", "Z"),
        ("h", "HH"), ("m", "M"), ("n", "N"), ("l", "L"), ("r", "R"), ("w", "W"),
    ];

    /// <summary>CMU phones, space-separated; empty when nothing maps.</summary>
    public static string ToCmu(string espeak)
    {
        var phones = new List<string>();
        var i = 0;
        while (i < espeak.Length)
        {
            var match = Table.FirstOrDefault(t => string.CompareOrdinal(espeak, i, t.Espeak, 0, t.Espeak.Length) == 0);
            if (match.Espeak is null)
            {
                i++; // ' , % = _ : ; # and anything unknown
                continue;
            }

            phones.Add(match.Cmu);
            i += match.Espeak.Length;
        }

        return string.Join(' ', phones);
    }
}
