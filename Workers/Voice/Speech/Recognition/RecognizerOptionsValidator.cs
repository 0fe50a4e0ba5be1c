using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>Checks the files of whichever engine the options select.</summary>
internal sealed class RecognizerOptionsValidator(IOptions<PocketsphinxOptions> pocketsphinx) : IValidateOptions<RecognizerOptions>
{
    public ValidateOptionsResult Validate(string? name, RecognizerOptions options)
    {
        var failures = new List<string>();
        if (options.SampleRate != 16_000)
        {
            failures.Add($"Speech:Recognizer:SampleRate is {options.SampleRate}; both recognisers take 16000 Hz audio.");
        }

        if (options.NumThreads < 1)
        {
            failures.Add("Speech:Recognizer:NumThreads must be at least 1.");
        }

        if (options.ResolveEngine() == RecognizerEngine.SherpaOnnx)
        {
            const string remedy = "Point VOICEHELPER_MODELS_DIR at the models folder (it holds asr-en-zipformer-3.3m-streaming) or set Speech:Recognizer:ModelDirectory";
            OptionsChecks.RequireDirectory(failures, options.ModelDirectory, "Speech:Recognizer:ModelDirectory", remedy);
            if (failures.Count == 0)
            {
                foreach (var file in new[] { options.Encoder, options.Decoder, options.Joiner, options.Tokens })
                {
                    OptionsChecks.RequireFile(failures, Path.Combine(options.ModelDirectory!, file), "Speech:Recognizer:ModelDirectory", remedy);
                }
            }
        }
        else
        {
            var settings = pocketsphinx.Value;
            const string remedy = OptionsChecks.SetupHint + " (Debian packages pocketsphinx-en-us and libpocketsphinx3) or set Speech:Pocketsphinx:ModelDirectory";
            OptionsChecks.RequireDirectory(failures, Path.Combine(settings.ModelDirectory, settings.AcousticModel), "Speech:Pocketsphinx:AcousticModel", remedy);
            OptionsChecks.RequireFile(failures, Path.Combine(settings.ModelDirectory, settings.LanguageModel), "Speech:Pocketsphinx:LanguageModel", remedy);
            OptionsChecks.RequireFile(failures, Path.Combine(settings.ModelDirectory, settings.Dictionary), "Speech:Pocketsphinx:Dictionary", remedy);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
