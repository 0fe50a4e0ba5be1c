using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>A new call's settings: the service's configuration and the language's default voice and recogniser.</summary>
public static class VoiceCallDefaults
{
    public static VoiceCallSettings Settings(string language, VoiceOptions options, VoiceCallServices services) => new(
        language,
        VoiceCatalog.DefaultFor(language, options),
        // Only English recognisers exist here (sherpa transducer or pocketsphinx): a Chinese call has none.
        language == VoiceCatalog.English ? services.Recognizer.Name : null,
        options.VadThreshold,
        options.EndOfTurnSilenceMs,
        options.MaxEndOfTurnSilenceMs,
        BargeIn: true,
        options.MinBargeInMs);
}
