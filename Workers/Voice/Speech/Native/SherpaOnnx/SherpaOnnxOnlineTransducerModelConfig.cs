using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOnlineTransducerModelConfig</c> (v1.13.8).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOnlineTransducerModelConfig
{
    public IntPtr Encoder;
    public IntPtr Decoder;
    public IntPtr Joiner;
}
