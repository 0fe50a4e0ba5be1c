namespace VoiceHelper.Voice.Common;

/// <summary>
/// The voices a call can choose and the default per language. English defaults to the installed voice the
/// recognisers understand best (decision 0012, bench/Voice): flite's slt, then pico (SVOX, Debian libttspico-utils),
/// then espeak-ng, whose words they get wrong most; Mandarin has only espeak-ng <c>cmn</c>.
/// </summary>
public static class VoiceCatalog
{
    public const string FliteEnglish = "flite:slt";
    public const string PicoEnglish = "pico:en-US";
    public const string EspeakEnglish = "espeak:en-us";
    public const string EspeakMandarin = "espeak:cmn";

    public const string English = "en";
    public const string Chinese = "zh";

    public static readonly string[] Languages = [English, Chinese];

    /// <summary>The installed voices, English ones best first.</summary>
    public static IReadOnlyList<string> Available(VoiceOptions options) =>
    [
        .. File.Exists(options.FliteProgram) ? [FliteEnglish] : Array.Empty<string>(),
        .. File.Exists(options.PicoProgram) ? [PicoEnglish] : Array.Empty<string>(),
        EspeakEnglish,
        EspeakMandarin,
    ];

    public static string DefaultFor(string language, VoiceOptions options) =>
        language == Chinese ? EspeakMandarin : Available(options)[0];

    /// <summary>A language tag such as <c>en-US</c> or <c>zh-CN</c> to the languages calls know, or null.</summary>
    public static string? NormalizeLanguage(string? language) =>
        language?.Split('-', '_')[0].ToLowerInvariant() switch
        {
            "en" => English,
            "zh" or "cmn" => Chinese,
            _ => null,
        };
}
