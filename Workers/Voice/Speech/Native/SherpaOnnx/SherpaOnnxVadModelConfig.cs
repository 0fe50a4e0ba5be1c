using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxVadModelConfig</c> (v1.13.8).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxVadModelConfig
{
    public SherpaOnnxSileroVadModelConfig SileroVad;
    public int SampleRate;
    public int NumThreads;
    public IntPtr Provider;
    public int Debug;
    public SherpaOnnxTenVadModelConfig TenVad;
}
