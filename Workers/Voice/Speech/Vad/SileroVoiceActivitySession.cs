using System.Runtime.InteropServices;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>One session's Silero state; disposing it hands the native detector back (reset and pooled, or freed).</summary>
internal sealed class SileroVoiceActivitySession(VoiceActivityDetectorHandle handle, int sampleRate, Action<VoiceActivityDetectorHandle> giveBack) : IVoiceActivitySession
{
    private bool disposed;

    public bool IsSpeaking => SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorDetected(handle) != 0;

    public unsafe IReadOnlyList<SpeechSpan> Accept(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Pcm16.EnsureFinite(samples, nameof(samples));
        // sherpa-onnx decides speech/silence once per AcceptWaveform call, from the last window it
        // scored: a block of several windows would skip the transitions inside it. Feed one window at a time.
        var spans = new List<SpeechSpan>();
        fixed (float* pointer = samples)
        {
            for (var offset = 0; offset < samples.Length; offset += SileroVoiceActivityDetector.WindowSize)
            {
                var count = Math.Min(SileroVoiceActivityDetector.WindowSize, samples.Length - offset);
                SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorAcceptWaveform(handle, pointer + offset, count);
                spans.AddRange(Drain());
            }
        }

        return spans;
    }

    public IReadOnlyList<SpeechSpan> Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorFlush(handle);
        return Drain();
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorReset(handle);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        giveBack(handle);
    }

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
