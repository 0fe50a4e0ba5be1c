using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>
/// The subset of the sherpa-onnx v1.13.8 C API (<c>sherpa-onnx/c-api/c-api.h</c>) the worker uses,
/// written from the header. Creation and result functions return SafeHandles so nothing leaks when
/// an exception or a cancelled session unwinds.
/// </summary>
internal static unsafe partial class SherpaOnnxApi
{
    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial IntPtr SherpaOnnxGetVersionStr();

    // Streaming recognition.
    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial OnlineRecognizerHandle SherpaOnnxCreateOnlineRecognizer(SherpaOnnxOnlineRecognizerConfig* config);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyOnlineRecognizer(IntPtr recognizer);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial OnlineStreamHandle SherpaOnnxCreateOnlineStream(OnlineRecognizerHandle recognizer);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyOnlineStream(IntPtr stream);

    /// <summary>A stream biased towards <paramref name="hotwords"/> (one phrase a line, encoded with the recogniser's modeling unit).</summary>
    [LibraryImport(NativeLibraries.SherpaOnnx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial OnlineStreamHandle SherpaOnnxCreateOnlineStreamWithHotwords(OnlineRecognizerHandle recognizer, string hotwords);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxOnlineStreamAcceptWaveform(OnlineStreamHandle stream, int sampleRate, float* samples, int n);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial int SherpaOnnxIsOnlineStreamReady(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDecodeOnlineStream(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial OnlineRecognizerResultHandle SherpaOnnxGetOnlineStreamResult(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyOnlineRecognizerResult(IntPtr result);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxOnlineStreamReset(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxOnlineStreamInputFinished(OnlineStreamHandle stream);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial int SherpaOnnxOnlineStreamIsEndpoint(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    // Voice activity detection.
    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial VoiceActivityDetectorHandle SherpaOnnxCreateVoiceActivityDetector(SherpaOnnxVadModelConfig* config, float bufferSizeInSeconds);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyVoiceActivityDetector(IntPtr detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxVoiceActivityDetectorAcceptWaveform(VoiceActivityDetectorHandle detector, float* samples, int n);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial int SherpaOnnxVoiceActivityDetectorEmpty(VoiceActivityDetectorHandle detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial int SherpaOnnxVoiceActivityDetectorDetected(VoiceActivityDetectorHandle detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxVoiceActivityDetectorPop(VoiceActivityDetectorHandle detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial SpeechSegmentHandle SherpaOnnxVoiceActivityDetectorFront(VoiceActivityDetectorHandle detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroySpeechSegment(IntPtr segment);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxVoiceActivityDetectorReset(VoiceActivityDetectorHandle detector);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxVoiceActivityDetectorFlush(VoiceActivityDetectorHandle detector);

    // Offline speech denoising.
    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial SpeechDenoiserHandle SherpaOnnxCreateOfflineSpeechDenoiser(SherpaOnnxSpeechDenoiserModelConfig* config);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyOfflineSpeechDenoiser(IntPtr denoiser);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial int SherpaOnnxOfflineSpeechDenoiserGetSampleRate(SpeechDenoiserHandle denoiser);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial DenoisedAudioHandle SherpaOnnxOfflineSpeechDenoiserRun(SpeechDenoiserHandle denoiser, float* samples, int n, int sampleRate);

    [LibraryImport(NativeLibraries.SherpaOnnx)]
    public static partial void SherpaOnnxDestroyDenoisedAudio(IntPtr audio);
}
