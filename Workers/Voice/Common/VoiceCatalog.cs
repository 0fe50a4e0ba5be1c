namespace VoiceHelper.Voice.Common;

/// <summary>
/// The voices a call can choose and the default per language. English defaults to pico (SVOX, Debian
/// libttspico-utils) when installed: the recogniser understands it almost perfectly where it gets most espeak-ng
/// words wrong (decision 0012); Mandarin has only espeak-ng <c>cmn</c>.
/// </summary>
public static class VoiceCatalog
{
    public const string PicoEnglish = "pico:en-US";
    public const string EspeakEnglish = "espeak:en-us";
    public const string EspeakMandarin = "espeak:cmn";

    public const string English = "en";
    public const string Chinese = "zh";

    public static readonly string[] Languages = [English, Chinese];

    public static IReadOnlyList<string> Available(VoiceOptions options) =>
        File.Exists(options.PicoProgram) ? [PicoEnglish, EspeakEnglish, EspeakMandarin] : [EspeakEnglish, EspeakMandarin];

    public static string DefaultFor(string language, VoiceOptions options) => language == Chinese
        ? EspeakMandarin
        : File.Exists(options.PicoProgram) ? PicoEnglish : EspeakEnglish;

    /// <summary>A language tag such as <c>en-US</c> or <c>zh-CN</c> to the languages calls know, or null.</summary>
    public static string? NormalizeLanguage(string? language) =>
        language?.Split('-', '_')[0].ToLowerInvariant() switch
        {
            "en" => English,
            "zh" or "cmn" => Chinese,
            _ => null,
        };
}
