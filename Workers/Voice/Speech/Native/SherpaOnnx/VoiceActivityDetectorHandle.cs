using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns one session's <c>SherpaOnnxVoiceActivityDetector</c>.</summary>
internal sealed class VoiceActivityDetectorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VoiceActivityDetectorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyVoiceActivityDetector(handle);
        return true;
    }
}
