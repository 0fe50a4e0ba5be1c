using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>
/// c-api.h <c>SherpaOnnxOnlineRecognizerConfig</c> (v1.13.8). The trailing fields the worker never sets
/// are still declared: the library reads the whole struct, so a shorter one would hand it garbage.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOnlineRecognizerConfig
{
    public SherpaOnnxFeatureConfig FeatConfig;
    public SherpaOnnxOnlineModelConfig ModelConfig;
    public IntPtr DecodingMethod;
    public int MaxActivePaths;
    public int EnableEndpoint;
    public float Rule1MinTrailingSilence;
    public float Rule2MinTrailingSilence;
    public float Rule3MinUtteranceLength;
    public IntPtr HotwordsFile;
    public float HotwordsScore;
    public SherpaOnnxCtcFstDecoderConfig CtcFstDecoderConfig;
    public IntPtr RuleFsts;
    public IntPtr RuleFars;
    public float BlankPenalty;
    public IntPtr HotwordsBuf;
    public int HotwordsBufSize;
    public SherpaOnnxHomophoneReplacerConfig Hr;
}
