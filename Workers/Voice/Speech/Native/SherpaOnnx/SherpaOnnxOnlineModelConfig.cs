using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxOnlineModelConfig</c> (v1.13.8); fields in header order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOnlineModelConfig
{
    public SherpaOnnxOnlineTransducerModelConfig Transducer;
    public SherpaOnnxOnlineParaformerModelConfig Paraformer;
    public SherpaOnnxModelPath Zipformer2Ctc;
    public IntPtr Tokens;
    public int NumThreads;
    public IntPtr Provider;
    public int Debug;
    public IntPtr ModelType;
    public IntPtr ModelingUnit;
    public IntPtr BpeVocab;
    public IntPtr TokensBuf;
    public int TokensBufSize;
    public SherpaOnnxModelPath NemoCtc;
    public SherpaOnnxModelPath ToneCtc;
}
