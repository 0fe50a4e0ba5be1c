using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns a segment copy from <c>SherpaOnnxVoiceActivityDetectorFront</c>.</summary>
internal sealed class SpeechSegmentHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpeechSegmentHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroySpeechSegment(handle);
        return true;
    }
}
