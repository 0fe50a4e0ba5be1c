using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Voice.Speech.Denoising;

internal sealed class DenoiserOptionsValidator : IValidateOptions<DenoiserOptions>
{
    public ValidateOptionsResult Validate(string? name, DenoiserOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        OptionsChecks.RequireFile(failures, options.ModelPath, "Speech:Denoiser:ModelPath",
            "Point VOICEHELPER_MODELS_DIR at the models folder (it holds denoiser-gtcrn/gtcrn_simple.onnx), set Speech:Denoiser:ModelPath, or set Speech:Denoiser:Enabled=false");
        if (options.NumThreads < 1)
        {
            failures.Add("Speech:Denoiser:NumThreads must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
