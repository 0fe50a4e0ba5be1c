using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOnlineParaformerModelConfig</c>: unused, present only for the layout.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOnlineParaformerModelConfig
{
    public IntPtr Encoder;
    public IntPtr Decoder;
}
