using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.Pocketsphinx;

/// <summary>
/// sphinxbase's <c>cmn_t</c> (<c>sphinxbase/cmn.h</c>, 0.8+5prealpha): the live cepstral mean, its running sum and
/// how many frames that sum stands for. Owned by the decoder.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SphinxCmn
{
    public IntPtr Mean;
    public IntPtr Variance;
    public IntPtr Sum;
    public int FrameCount;
    public int VectorLength;
}
