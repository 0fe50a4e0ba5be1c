using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxTenVadModelConfig</c>: unused (left zero), present only for the layout.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxTenVadModelConfig
{
    public IntPtr Model;
    public float Threshold;
    public float MinSilenceDuration;
    public float MinSpeechDuration;
    public int WindowSize;
    public float MaxSpeechDuration;
}
