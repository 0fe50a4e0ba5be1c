using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>Owns a <c>SherpaOnnxDenoisedAudio</c> result.</summary>
internal sealed class DenoisedAudioHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DenoisedAudioHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxApi.SherpaOnnxDestroyDenoisedAudio(handle);
        return true;
    }
}
