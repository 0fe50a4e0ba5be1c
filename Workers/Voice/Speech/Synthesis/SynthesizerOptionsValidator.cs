using Microsoft.Extensions.Options;

namespace VoiceHelper.Voice.Speech.Synthesis;

internal sealed class SynthesizerOptionsValidator : IValidateOptions<SynthesizerOptions>
{
    public ValidateOptionsResult Validate(string? name, SynthesizerOptions options)
    {
        var failures = new List<string>();
        if (options.OutputSampleRate is < 8_000 or > 48_000)
        {
            failures.Add($"Speech:Synthesizer:OutputSampleRate is {options.OutputSampleRate}; use 8000-48000 Hz (the voice protocol uses 16000).");
        }

        if (options.Rate is < 80 or > 450)
        {
            failures.Add($"Speech:Synthesizer:Rate is {options.Rate}; espeak-ng accepts 80-450 words per minute.");
        }

        if (!string.IsNullOrWhiteSpace(options.DataDirectory) && !Directory.Exists(options.DataDirectory))
        {
            failures.Add($"Speech:Synthesizer:DataDirectory: folder not found: {options.DataDirectory}. Run scripts/setup.sh (Debian package espeak-ng) or clear the setting.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
