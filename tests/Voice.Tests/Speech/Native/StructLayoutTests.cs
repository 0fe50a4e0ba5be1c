using System.Runtime.InteropServices;
using VoiceHelper.Voice.Speech.Native.Pocketsphinx;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Tests.Speech.Native;

/// <summary>
/// Sizes and offsets derived by hand from sherpa-onnx v1.13.8 c-api.h (and sphinxbase's feat.h) under the x86-64 LP64 ABI
/// (pointers 8 bytes and 8-aligned, int32_t/float 4, structs padded to their largest member).
/// A mismatch means the library would read our configs at the wrong places.
/// </summary>
public sealed class StructLayoutTests
{
    public static TheoryData<Type, int, string[], int[]> Layouts() => new()
    {
        { typeof(SherpaOnnxModelPath), 8, ["Model"], [0] },
        { typeof(SherpaOnnxOnlineTransducerModelConfig), 24, ["Encoder", "Decoder", "Joiner"], [0, 8, 16] },
        { typeof(SherpaOnnxOnlineParaformerModelConfig), 16, ["Encoder", "Decoder"], [0, 8] },
        {
            typeof(SherpaOnnxOnlineModelConfig), 136,
            ["Transducer", "Paraformer", "Zipformer2Ctc", "Tokens", "NumThreads", "Provider", "Debug", "ModelType", "ModelingUnit", "BpeVocab", "TokensBuf", "TokensBufSize", "NemoCtc", "ToneCtc"],
            [0, 24, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128]
        },
        { typeof(SherpaOnnxFeatureConfig), 8, ["SampleRate", "FeatureDim"], [0, 4] },
        { typeof(SherpaOnnxCtcFstDecoderConfig), 16, ["Graph", "MaxActive"], [0, 8] },
        { typeof(SherpaOnnxHomophoneReplacerConfig), 24, ["DictDir", "Lexicon", "RuleFsts"], [0, 8, 16] },
        {
            typeof(SherpaOnnxOnlineRecognizerConfig), 272,
            ["FeatConfig", "ModelConfig", "DecodingMethod", "MaxActivePaths", "EnableEndpoint", "Rule1MinTrailingSilence", "Rule2MinTrailingSilence", "Rule3MinUtteranceLength", "HotwordsFile", "HotwordsScore", "CtcFstDecoderConfig", "RuleFsts", "RuleFars", "BlankPenalty", "HotwordsBuf", "HotwordsBufSize", "Hr"],
            [0, 8, 144, 152, 156, 160, 164, 168, 176, 184, 192, 208, 216, 224, 232, 240, 248]
        },
        { typeof(SherpaOnnxOnlineRecognizerResult), 48, ["Text", "Tokens", "TokensArr", "Timestamps", "Count", "Json"], [0, 8, 16, 24, 32, 40] },
        { typeof(SherpaOnnxSileroVadModelConfig), 32, ["Model", "Threshold", "MinSilenceDuration", "MinSpeechDuration", "WindowSize", "MaxSpeechDuration"], [0, 8, 12, 16, 20, 24] },
        { typeof(SherpaOnnxTenVadModelConfig), 32, ["Model", "Threshold", "MinSilenceDuration", "MinSpeechDuration", "WindowSize", "MaxSpeechDuration"], [0, 8, 12, 16, 20, 24] },
        { typeof(SherpaOnnxVadModelConfig), 88, ["SileroVad", "SampleRate", "NumThreads", "Provider", "Debug", "TenVad"], [0, 32, 36, 40, 48, 56] },
        { typeof(SherpaOnnxSpeechSegment), 24, ["Start", "Samples", "N"], [0, 8, 16] },
        { typeof(SherpaOnnxDpdfNetModelConfig), 16, ["Model", "AttenuationLimitDb"], [0, 8] },
        { typeof(SherpaOnnxSpeechDenoiserModelConfig), 40, ["Gtcrn", "NumThreads", "Debug", "Provider", "DpdfNet"], [0, 8, 12, 16, 24] },
        { typeof(SherpaOnnxDenoisedAudio), 16, ["Samples", "N", "SampleRate"], [0, 8, 12] },
        // sphinxbase 0.8+5prealpha feat.h: feat_t up to cmn_struct (the only field read).
        {
            typeof(SphinxFeature), 96,
            ["RefCount", "Name", "CepSize", "StreamCount", "StreamLengths", "WindowSize", "SubvectorCount", "SubvectorLengths", "Subvectors", "SubvectorBuffer", "SubvectorDimension", "Cmn", "VarNorm", "Agc", "ComputeFeature", "CmnState"],
            [0, 8, 16, 20, 24, 32, 36, 40, 48, 56, 64, 68, 72, 76, 80, 88]
        },
        { typeof(SphinxCmn), 32, ["Mean", "Variance", "Sum", "FrameCount", "VectorLength"], [0, 8, 16, 24, 28] },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Struct_matches_the_c_header(Type type, int size, string[] fields, int[] offsets)
    {
        Marshal.SizeOf(type).ShouldBe(size, $"sizeof({type.Name})");
        var declared = type.GetFields().Select(f => f.Name).ToArray();
        declared.ShouldBe(fields, $"{type.Name} must declare exactly the header's fields, in order");
        for (var i = 0; i < fields.Length; i++)
        {
            Marshal.OffsetOf(type, fields[i]).ToInt32().ShouldBe(offsets[i], $"offsetof({type.Name}, {fields[i]})");
        }
    }
}
