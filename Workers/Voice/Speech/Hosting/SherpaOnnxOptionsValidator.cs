using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Native;

namespace VoiceHelper.Voice.Speech.Hosting;

internal sealed class SherpaOnnxOptionsValidator : IValidateOptions<SherpaOnnxOptions>
{
    public ValidateOptionsResult Validate(string? name, SherpaOnnxOptions options)
    {
        var failures = new List<string>();
        const string remedy = OptionsChecks.SetupHint + " (npm sherpa-onnx-linux-x64@1.13.8 into .tools) and set VOICEHELPER_TOOLS_DIR or Speech:SherpaOnnx:LibraryDirectory";
        OptionsChecks.RequireDirectory(failures, options.LibraryDirectory, "Speech:SherpaOnnx:LibraryDirectory", remedy);
        if (failures.Count == 0)
        {
            OptionsChecks.RequireFile(failures, Path.Combine(options.LibraryDirectory!, NativeLibraries.SherpaOnnxFileName), "Speech:SherpaOnnx:LibraryDirectory", remedy);
            OptionsChecks.RequireFile(failures, Path.Combine(options.LibraryDirectory!, NativeLibraries.OnnxRuntimeFileName), "Speech:SherpaOnnx:LibraryDirectory", remedy);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
