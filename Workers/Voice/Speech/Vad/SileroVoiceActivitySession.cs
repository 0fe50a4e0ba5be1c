using System.Runtime.InteropServices;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>One session's Silero state; disposing it frees the native detector.</summary>
internal sealed class SileroVoiceActivitySession(VoiceActivityDetectorHandle handle, int sampleRate) : IVoiceActivitySession
{
    public bool IsSpeaking => SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorDetected(handle) != 0;

    public unsafe IReadOnlyList<SpeechSpan> Accept(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        Pcm16.EnsureFinite(samples, nameof(samples));
        if (!samples.IsEmpty)
        {
            fixed (float* pointer = samples)
            {
                SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorAcceptWaveform(handle, pointer, samples.Length);
            }
        }

        return Drain();
    }

    public IReadOnlyList<SpeechSpan> Flush()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorFlush(handle);
        return Drain();
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorReset(handle);
    }

    public void Dispose() => handle.Dispose();

    private unsafe List<SpeechSpan> Drain()
    {
        var spans = new List<SpeechSpan>();
        while (SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorEmpty(handle) == 0)
        {
            using (var segment = SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorFront(handle))
            {
                if (!segment.IsInvalid)
                {
                    var native = (SherpaOnnxSpeechSegment*)segment.DangerousGetHandle();
                    var copy = new float[native->N];
                    Marshal.Copy(native->Samples, copy, 0, native->N);
                    spans.Add(SpanTrimmer.Trim(new SpeechSpan(native->Start, copy, sampleRate)));
                }
            }

            SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorPop(handle);
        }

        return spans;
    }
}
