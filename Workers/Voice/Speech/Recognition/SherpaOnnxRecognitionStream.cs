using System.Runtime.InteropServices;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// One session on the shared sherpa-onnx recogniser. Audio is taken on the caller's thread (feature extraction is
/// cheap); only when the transducer has a whole chunk ready does the stream join the next pass of the
/// <see cref="SherpaOnnxDecodeQueue"/>. Between chunks the text cannot change, so those frames answer at once.
/// </summary>
internal sealed class SherpaOnnxRecognitionStream : ISpeechRecognitionStream
{
    // The transducer looks ahead a few frames; without trailing silence the last word never decodes.
    private const float TailPaddingSeconds = 0.6f;

    private readonly OnlineRecognizerHandle recognizer;
    private readonly Func<OnlineStreamHandle> createStream;
    private readonly SherpaOnnxDecodeQueue decoder;
    private readonly int sampleRate;
    private readonly StreamCallGuard guard = new();

    // A finish swaps in a fresh native stream on a speech thread while Dispose may run on the
    // session's thread: the swap and the dispose must not interleave, or a stream leaks.
    private readonly Lock swap = new();
    private OnlineStreamHandle stream;
    private bool disposed;

    // The utterance's text as of the last decode.
    private string text = string.Empty;

    public SherpaOnnxRecognitionStream(OnlineRecognizerHandle recognizer, Func<OnlineStreamHandle> createStream, SherpaOnnxDecodeQueue decoder, int sampleRate)
    {
        this.recognizer = recognizer;
        this.createStream = createStream;
        this.decoder = decoder;
        this.sampleRate = sampleRate;
        stream = createStream();
    }

    public async Task<RecognitionResult> AcceptAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        Pcm16.EnsureFinite(samples.Span, nameof(samples));
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!Accept(samples.Span))
        {
            return new RecognitionResult(text, IsFinal: false);
        }

        return await decoder.DecodeAsync(stream, ReadPartial, cancellationToken);
    }

    public async Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default)
    {
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        Accept(new float[(int)(sampleRate * TailPaddingSeconds)]);
        SherpaOnnxApi.SherpaOnnxOnlineStreamInputFinished(stream);
        return await decoder.DecodeAsync(stream, ReadFinal, cancellationToken);
    }

    public void Dispose()
    {
        lock (swap)
        {
            disposed = true;
            stream.Dispose();
        }
    }

    /// <summary>Takes samples; true when a chunk is ready to decode.</summary>
    private unsafe bool Accept(ReadOnlySpan<float> samples)
    {
        if (!samples.IsEmpty)
        {
            fixed (float* pointer = samples)
            {
                SherpaOnnxApi.SherpaOnnxOnlineStreamAcceptWaveform(stream, sampleRate, pointer, samples.Length);
            }
        }

        return SherpaOnnxApi.SherpaOnnxIsOnlineStreamReady(recognizer, stream) != 0;
    }

    private RecognitionResult ReadPartial()
    {
        var decoded = ReadText();
        if (SherpaOnnxApi.SherpaOnnxOnlineStreamIsEndpoint(recognizer, stream) == 0)
        {
            text = decoded;
            return new RecognitionResult(decoded, IsFinal: false);
        }

        SherpaOnnxApi.SherpaOnnxOnlineStreamReset(recognizer, stream);
        text = string.Empty;
        return new RecognitionResult(decoded, IsFinal: true);
    }

    private RecognitionResult ReadFinal()
    {
        var decoded = ReadText();
        text = string.Empty;

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

        return new RecognitionResult(decoded, IsFinal: true);
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
