using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns a <c>SherpaOnnxOnlineRecognizer</c>; shared by every session, freed last.</summary>
internal sealed class OnlineRecognizerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OnlineRecognizerHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyOnlineRecognizer(handle);
        return true;
    }
}
