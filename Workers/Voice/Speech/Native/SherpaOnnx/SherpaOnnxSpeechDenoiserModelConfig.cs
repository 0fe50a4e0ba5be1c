using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>
/// c-api.h <c>SherpaOnnxOfflineSpeechDenoiserModelConfig</c>; <c>SherpaOnnxOfflineSpeechDenoiserConfig</c>
/// wraps exactly this struct, so it is passed directly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxSpeechDenoiserModelConfig
{
    public SherpaOnnxModelPath Gtcrn;
    public int NumThreads;
    public int Debug;
    public IntPtr Provider;
    public SherpaOnnxDpdfNetModelConfig DpdfNet;
}
