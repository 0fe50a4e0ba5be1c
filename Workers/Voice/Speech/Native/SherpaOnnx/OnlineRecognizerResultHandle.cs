using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns a result snapshot from <c>SherpaOnnxGetOnlineStreamResult</c>.</summary>
internal sealed class OnlineRecognizerResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OnlineRecognizerResultHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyOnlineRecognizerResult(handle);
        return true;
    }
}
