namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>Where the sherpa-onnx native libraries are (section <c>Speech:SherpaOnnx</c>).</summary>
public sealed class SherpaOnnxOptions
{
    public const string Section = "Speech:SherpaOnnx";

    /// <summary>Folder holding libsherpa-onnx-c-api.so and libonnxruntime.so; defaults from VOICEHELPER_TOOLS_DIR.</summary>
    public string? LibraryDirectory { get; set; }
}
