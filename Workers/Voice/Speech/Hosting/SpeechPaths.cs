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

    public static string? ToolsPath(IConfiguration configuration, string relative) =>
        Combine(configuration[ToolsDirectoryVariable], relative);

    public static string? ModelsPath(IConfiguration configuration, string relative) =>
        Combine(configuration[ModelsDirectoryVariable], relative);

    private static string? Combine(string? root, string relative) =>
        string.IsNullOrWhiteSpace(root) ? null : Path.GetFullPath(Path.Combine(root, relative));
}
