namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>espeak-ng synthesis (section <c>Speech:Synthesizer</c>).</summary>
public sealed class SynthesizerOptions
{
    public const string Section = "Speech:Synthesizer";

    /// <summary>Fixed espeak-ng voice; when empty the voice follows the script of each sentence.</summary>
    public string? Voice { get; set; }

    public string EnglishVoice { get; set; } = "en-us";

    public string ChineseVoice { get; set; } = "cmn";

    /// <summary>Words per minute (espeak-ng accepts 80-450).</summary>
    public int Rate { get; set; } = 175;

    /// <summary>espeak-ng-data folder; empty means the library's built-in default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Rate of the PCM16 chunks sent to callers; the voice protocol is 16 kHz.</summary>
    public int OutputSampleRate { get; set; } = 16_000;
}
