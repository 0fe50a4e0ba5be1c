using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxSileroVadModelConfig</c>; durations in seconds.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxSileroVadModelConfig
{
    public IntPtr Model;
    public float Threshold;
    public float MinSilenceDuration;
    public float MinSpeechDuration;
    public int WindowSize;
    public float MaxSpeechDuration;
}
