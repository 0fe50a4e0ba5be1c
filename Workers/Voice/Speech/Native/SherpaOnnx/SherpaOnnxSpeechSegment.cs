using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxSpeechSegment</c>: start is in input samples.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxSpeechSegment
{
    public int Start;
    public IntPtr Samples;
    public int N;
}
