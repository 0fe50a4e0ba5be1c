using VoiceHelper.Ai.Text;

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

        // Any CJK character makes it Chinese: an English voice would spell each one out by name.
        return TextTokenizer.ContainsCjk(text) ? options.ChineseVoice : options.EnglishVoice;
    }
}
