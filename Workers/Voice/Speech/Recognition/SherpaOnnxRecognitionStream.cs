using System.Runtime.InteropServices;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>One session on the shared sherpa-onnx recogniser.</summary>
internal sealed class SherpaOnnxRecognitionStream : ISpeechRecognitionStream
{
    // The transducer looks ahead a few frames; without trailing silence the last word never decodes.
    private const float TailPaddingSeconds = 0.6f;

    private readonly OnlineRecognizerHandle recognizer;
    private readonly Func<OnlineStreamHandle> createStream;
    private readonly SpeechWorkPool pool;
    private readonly int sampleRate;
    private readonly StreamCallGuard guard = new();

    // FinishAsync swaps in a fresh native stream on a worker thread while Dispose may run on the
    // session's thread: the swap and the dispose must not interleave, or a stream leaks.
    private readonly Lock swap = new();
    private OnlineStreamHandle stream;
    private bool disposed;

    public SherpaOnnxRecognitionStream(OnlineRecognizerHandle recognizer, Func<OnlineStreamHandle> createStream, SpeechWorkPool pool, int sampleRate)
    {
        this.recognizer = recognizer;
        this.createStream = createStream;
        this.pool = pool;
        this.sampleRate = sampleRate;
        stream = createStream();
    }

    public async Task<RecognitionResult> AcceptAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        Pcm16.EnsureFinite(samples.Span, nameof(samples));
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        return await pool.RunAsync(() => Decode(samples.Span), cancellationToken);
    }

    public async Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default)
    {
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        return await pool.RunAsync(Finish, cancellationToken);
    }

    public void Dispose()
    {
        lock (swap)
        {
            disposed = true;
            stream.Dispose();
        }
    }

    private unsafe RecognitionResult Decode(ReadOnlySpan<float> samples)
    {
        if (!samples.IsEmpty)
        {
            fixed (float* pointer = samples)
            {
                SherpaOnnxApi.SherpaOnnxOnlineStreamAcceptWaveform(stream, sampleRate, pointer, samples.Length);
            }
        }

        DecodeReady();
        var text = ReadText();
        if (SherpaOnnxApi.SherpaOnnxOnlineStreamIsEndpoint(recognizer, stream) == 0)
        {
            return new RecognitionResult(text, IsFinal: false);
        }

        SherpaOnnxApi.SherpaOnnxOnlineStreamReset(recognizer, stream);
        return new RecognitionResult(text, IsFinal: true);
    }

    private unsafe RecognitionResult Finish()
    {
        var padding = new float[(int)(sampleRate * TailPaddingSeconds)];
        fixed (float* pointer = padding)
        {
            SherpaOnnxApi.SherpaOnnxOnlineStreamAcceptWaveform(stream, sampleRate, pointer, padding.Length);
        }

        SherpaOnnxApi.SherpaOnnxOnlineStreamInputFinished(stream);
        DecodeReady();
        var text = ReadText();

        // A finished stream accepts no more input; the session continues on a fresh one.
        var next = createStream();
        lock (swap)
        {
            if (disposed)
            {
                next.Dispose();
            }
            else
            {
                stream.Dispose();
                stream = next;
            }
        }

        return new RecognitionResult(text, IsFinal: true);
    }

    private void DecodeReady()
    {
        while (SherpaOnnxApi.SherpaOnnxIsOnlineStreamReady(recognizer, stream) != 0)
        {
            SherpaOnnxApi.SherpaOnnxDecodeOnlineStream(recognizer, stream);
        }
    }

    private unsafe string ReadText()
    {
        using var result = SherpaOnnxApi.SherpaOnnxGetOnlineStreamResult(recognizer, stream);
        if (result.IsInvalid)
        {
            return string.Empty;
        }

        var native = (SherpaOnnxOnlineRecognizerResult*)result.DangerousGetHandle();
        return (Marshal.PtrToStringUTF8(native->Text) ?? string.Empty).Trim();
    }
}
