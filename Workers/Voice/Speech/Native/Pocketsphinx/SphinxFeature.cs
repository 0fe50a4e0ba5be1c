using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.Pocketsphinx;

/// <summary>
/// The leading fields of sphinxbase's <c>feat_t</c> (<c>sphinxbase/feat.h</c>, 0.8+5prealpha), up to the live
/// cepstral-mean state, which has no accessor of its own. Only read, never allocated by us.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SphinxFeature
{
    public int RefCount;
    public IntPtr Name;
    public int CepSize;
    public int StreamCount;
    public IntPtr StreamLengths;
    public int WindowSize;
    public int SubvectorCount;
    public IntPtr SubvectorLengths;
    public IntPtr Subvectors;
    public IntPtr SubvectorBuffer;
    public int SubvectorDimension;
    public int Cmn;
    public int VarNorm;
    public int Agc;
    public IntPtr ComputeFeature;
    public SphinxCmn* CmnState;
}
