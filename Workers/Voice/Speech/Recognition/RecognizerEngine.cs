namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>Which recogniser serves sessions.</summary>
public enum RecognizerEngine
{
    /// <summary>sherpa-onnx when a model directory is configured, pocketsphinx otherwise.</summary>
    Auto,
    SherpaOnnx,
    Pocketsphinx,
}
