using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOnlineCtcFstDecoderConfig</c>: unused, present only for the layout.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxCtcFstDecoderConfig
{
    public IntPtr Graph;
    public int MaxActive;
}
