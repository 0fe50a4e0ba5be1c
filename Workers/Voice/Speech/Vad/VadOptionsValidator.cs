using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Voice.Speech.Vad;

internal sealed class VadOptionsValidator : IValidateOptions<VadOptions>
{
    public ValidateOptionsResult Validate(string? name, VadOptions options)
    {
        var failures = new List<string>();
        OptionsChecks.RequireFile(failures, options.ModelPath, "Speech:Vad:ModelPath",
            OptionsChecks.SetupHint + " (npm @ricky0123/vad-web@0.0.31 ships dist/silero_vad_v5.onnx) and set VOICEHELPER_TOOLS_DIR or Speech:Vad:ModelPath");
        if (options.SampleRate != 16_000)
        {
            failures.Add($"Speech:Vad:SampleRate is {options.SampleRate}; Silero VAD here runs at 16000 Hz (the voice protocol's rate).");
        }

        if (options.Threshold is <= 0 or >= 1)
        {
            failures.Add($"Speech:Vad:Threshold is {options.Threshold}; it must be between 0 and 1.");
        }

        if (options.MinSpeechSeconds <= 0 || options.MinSilenceSeconds <= 0 || options.MaxSpeechSeconds <= options.MinSpeechSeconds)
        {
            failures.Add("Speech:Vad durations must be positive and MaxSpeechSeconds greater than MinSpeechSeconds.");
        }

        if (options.MaxIdleDetectors < 0)
        {
            failures.Add($"Speech:Vad:MaxIdleDetectors is {options.MaxIdleDetectors}; it must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
