using Microsoft.Win32.SafeHandles;

namespace VoiceHelper.Voice.Speech.Native.Pocketsphinx;

/// <summary>
/// Owns a sphinxbase <c>cmd_ln_t</c>. <c>ps_init</c> retains its own reference, so freeing ours right
/// after creating the decoder is what the header asks for.
/// </summary>
internal sealed class CommandLineHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CommandLineHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        _ = PocketsphinxApi.cmd_ln_free_r(handle);
        return true;
    }
}
