using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>
/// Every c-api.h struct that holds a single <c>const char *model</c> (Zipformer2 CTC, NeMo CTC, T-One
/// CTC, GTCRN): one blittable type, since their layouts are identical by definition.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxModelPath
{
    public IntPtr Model;
}
