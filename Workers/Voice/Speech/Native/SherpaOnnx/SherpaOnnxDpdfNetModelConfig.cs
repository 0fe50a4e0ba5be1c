using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOfflineSpeechDenoiserDpdfNetModelConfig</c>: unused, layout only.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxDpdfNetModelConfig
{
    public IntPtr Model;
    public float AttenuationLimitDb;
}
