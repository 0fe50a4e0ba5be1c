namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>The embedded default recogniser (section <c>Speech:Pocketsphinx</c>).</summary>
public sealed class PocketsphinxOptions
{
    public const string Section = "Speech:Pocketsphinx";

    /// <summary>Where Debian's pocketsphinx-en-us package puts the US English model (a packaged, fixed location).</summary>
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public string ModelDirectory { get; set; } = DebianModelDirectory;

    public string AcousticModel { get; set; } = "en-us";

    public string LanguageModel { get; set; } = "en-us.lm.bin";

    public string Dictionary { get; set; } = "cmudict-en-us.dict";

    /// <summary>Idle decoders kept for reuse: creating one loads the models (about a second).</summary>
    public int MaxIdleDecoders { get; set; } = 4;
}
