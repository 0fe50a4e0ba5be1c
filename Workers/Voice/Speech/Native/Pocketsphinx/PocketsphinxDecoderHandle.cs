using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.Pocketsphinx;

/// <summary>Owns a <c>ps_decoder_t</c> (reference counted by the library; <c>ps_free</c> drops ours).</summary>
internal sealed class PocketsphinxDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PocketsphinxDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        _ = PocketsphinxApi.ps_free(handle);
        return true;
    }
}
