using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns one session's <c>SherpaOnnxOnlineStream</c>.</summary>
internal sealed class OnlineStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OnlineStreamHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyOnlineStream(handle);
        return true;
    }
}
