using Microsoft.Extensions.Configuration;

namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>
/// Defaults for engine files, derived from the two folders the deployment names
/// (<c>VOICEHELPER_TOOLS_DIR</c>: what scripts/setup.sh installs from npm; <c>VOICEHELPER_MODELS_DIR</c>:
/// models obtained outside any registry). Read through configuration so tests can set them too.
/// </summary>
public static class SpeechPaths
{
    public const string ToolsDirectoryVariable = "VOICEHELPER_TOOLS_DIR";
    public const string ModelsDirectoryVariable = "VOICEHELPER_MODELS_DIR";

    public const string SherpaOnnxPackage = "node_modules/sherpa-onnx-linux-x64";
    public const string SileroModel = "node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx";
    public const string StreamingAsrModel = "asr-en-zipformer-3.3m-streaming";
    public const string GtcrnModel = "denoiser-gtcrn/gtcrn_simple.onnx";

    /// <summary>
    /// Under the configured tools folder or, when none is configured, the checkout's own <c>.tools/</c> (scripts/setup.sh
    /// puts it at the repository root), found by walking up from the application and the working directory: a
    /// <c>dotnet test</c> or <c>dotnet run</c> from a set-up checkout needs no variable.
    /// </summary>
    public static string? ToolsPath(IConfiguration configuration, string relative) =>
        Combine(configuration[ToolsDirectoryVariable] is { Length: > 0 } configured ? configured : FindCheckoutTools(), relative);

    /// <summary>The nearest <c>.tools</c> folder holding the sherpa-onnx package above the app or the working directory.</summary>
    public static string? FindCheckoutTools()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ".tools");
                if (Directory.Exists(Path.Combine(candidate, SherpaOnnxPackage)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string? ModelsPath(IConfiguration configuration, string relative) =>
        Combine(configuration[ModelsDirectoryVariable], relative);

    private static string? Combine(string? root, string relative) =>
        string.IsNullOrWhiteSpace(root) ? null : Path.GetFullPath(Path.Combine(root, relative));
}
