namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>Chooses the espeak-ng voice for a sentence from its script, unless one is configured.</summary>
public static class VoiceSelector
{
    public static string Select(string text, SynthesizerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Voice))
        {
            return options.Voice;
        }

        return ContainsHan(text) ? options.ChineseVoice : options.EnglishVoice;
    }

    /// <summary>Any CJK ideograph makes it Chinese: an English voice would spell each one out by name.</summary>
    public static bool ContainsHan(string text)
    {
        foreach (var character in text)
        {
            if (character is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF'))
            {
                return true;
            }
        }

        return false;
    }
}
