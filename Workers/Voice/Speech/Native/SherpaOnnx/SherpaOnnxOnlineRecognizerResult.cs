using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOnlineRecognizerResult</c>: read-only, owned by the library.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOnlineRecognizerResult
{
    public IntPtr Text;
    public IntPtr Tokens;
    public IntPtr TokensArr;
    public IntPtr Timestamps;
    public int Count;
    public IntPtr Json;
}
