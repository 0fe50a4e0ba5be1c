using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native.Pocketsphinx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// One session on a borrowed pocketsphinx decoder. The endpoint is pocketsphinx's own speech/silence
/// tracker: the utterance ends when it leaves speech.
/// </summary>
internal sealed class PocketsphinxRecognitionStream : ISpeechRecognitionStream
{
    private readonly PocketsphinxDecoderHandle decoder;
    private readonly Action<PocketsphinxDecoderHandle> giveBack;
    private readonly SpeechWorkPool pool;
    private readonly StreamCallGuard guard = new();
    private readonly int cmnUpdateFrames;
    private int framesSinceCmnUpdate;

    // Dispose can come from another thread while a decode runs on a worker; the decoder must not be
    // returned to the pool mid-call.
    private readonly Lock sync = new();
    private bool inUtterance;
    private bool heardSpeech;
    private bool disposed;

    public PocketsphinxRecognitionStream(PocketsphinxDecoderHandle decoder, Action<PocketsphinxDecoderHandle> giveBack, SpeechWorkPool pool, int cmnUpdateFrames)
    {
        this.decoder = decoder;
        this.giveBack = giveBack;
        this.pool = pool;
        this.cmnUpdateFrames = cmnUpdateFrames;
    }

    public async Task<RecognitionResult> AcceptAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        Pcm16.EnsureFinite(samples.Span, nameof(samples));
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        return await pool.RunAsync(() => Locked(() => Decode(samples.Span)), cancellationToken);
    }

    public async Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default)
    {
        using var scope = guard.Enter();
        ObjectDisposedException.ThrowIf(disposed, this);
        return await pool.RunAsync(() => Locked(EndUtterance), cancellationToken);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        lock (sync)
        {
            disposed = true;
            if (inUtterance)
            {
                _ = PocketsphinxApi.ps_end_utt(decoder);
                inUtterance = false;
            }
        }

        giveBack(decoder);
    }

    private RecognitionResult Locked(Func<RecognitionResult> work)
    {
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return work();
        }
    }

    private unsafe RecognitionResult Decode(ReadOnlySpan<float> samples)
    {
        StartIfNeeded();
        var pcm = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            pcm[i] = Pcm16.ToInt16(samples[i]);
        }

        fixed (short* pointer = pcm)
        {
            if (PocketsphinxApi.ps_process_raw(decoder, pointer, (nuint)pcm.Length, 0, 0) < 0)
            {
                throw new InvalidOperationException("pocketsphinx failed to process audio.");
            }
        }

        framesSinceCmnUpdate += pcm.Length / 160;
        if (cmnUpdateFrames > 0 && framesSinceCmnUpdate >= cmnUpdateFrames)
        {
            PocketsphinxSpeechRecognizer.UpdateCmn(decoder);
            framesSinceCmnUpdate = 0;
        }

        var speaking = PocketsphinxApi.ps_get_in_speech(decoder) != 0;
        if (speaking)
        {
            heardSpeech = true;
            return new RecognitionResult(PocketsphinxSpeechRecognizer.ReadHypothesis(decoder), IsFinal: false);
        }

        return heardSpeech ? EndUtterance() : new RecognitionResult(PocketsphinxSpeechRecognizer.ReadHypothesis(decoder), false);
    }

    private RecognitionResult EndUtterance()
    {
        if (!inUtterance)
        {
            return new RecognitionResult(string.Empty, IsFinal: true);
        }

        _ = PocketsphinxApi.ps_end_utt(decoder);
        inUtterance = false;
        heardSpeech = false;
        return new RecognitionResult(PocketsphinxSpeechRecognizer.ReadHypothesis(decoder), IsFinal: true);
    }

    private void StartIfNeeded()
    {
        if (inUtterance)
        {
            return;
        }

        if (PocketsphinxApi.ps_start_utt(decoder) < 0)
        {
            throw new InvalidOperationException("pocketsphinx could not start an utterance.");
        }

        inUtterance = true;
    }
}
