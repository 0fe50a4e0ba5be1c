using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxDenoisedAudio</c>: read-only, owned by the library.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxDenoisedAudio
{
    public IntPtr Samples;
    public int N;
    public int SampleRate;
}
