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

    /// <summary>
    /// pocketsphinx's flat-lexicon and best-path passes rescore the whole utterance when it ends: more
    /// accurate, but the final result then arrives hundreds of milliseconds after the caller stops.
    /// </summary>
    public bool SecondPass { get; set; } = true;

    /// <summary>
    /// How many 10 ms frames the model's starting mean weighs against the caller's own audio. pocketsphinx's 500 (5 s) and an
    /// update only when an utterance ends decode a call's first question with the model's mean alone: 56 % WER on pico
    /// questions against 30 % with 50 frames updated every 5 (24 % once adapted to the voice).
    /// </summary>
    public int CmnPriorFrames { get; set; } = 50;

    /// <summary>Recompute the mean every this many frames of the caller's audio; 0 leaves it to the end of each utterance.</summary>
    public int CmnUpdateFrames { get; set; } = 5;

    /// <summary>Idle decoders kept for reuse: creating one loads the models (about a second).</summary>
    public int MaxIdleDecoders { get; set; } = 4;
}
