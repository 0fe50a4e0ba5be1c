using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns a <c>SherpaOnnxOfflineSpeechDenoiser</c>.</summary>
internal sealed class SpeechDenoiserHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpeechDenoiserHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyOfflineSpeechDenoiser(handle);
        return true;
    }
}
