using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.Pocketsphinx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// The embedded default: Debian's pocketsphinx with its US English model, so a machine with no model
/// folder still recognises English. A pocketsphinx decoder is single-threaded state, so each stream
/// borrows its own; idle decoders are pooled because loading one takes about a second. A decoder also
/// adapts to what it hears (live cepstral mean normalisation), so a borrowed one is first put back to
/// the model's starting point: no stream is decoded with statistics of another caller's audio, and each
/// adapts to its own caller within the first words (<see cref="PocketsphinxOptions.CmnPriorFrames"/>).
/// </summary>
public sealed class PocketsphinxSpeechRecognizer : ISpeechRecognizer, IDisposable
{
    // sphinxbase's argument tables and logging are process-global: decoder creation is serialised.
    private static readonly Lock CreateGate = new();

    // Logging is switched off once for the process. A per-decoder "-logfn" would fclose() the log stream that
    // decoders on other threads are writing to whenever a new decoder is created.
    private static bool loggingOff;

    private readonly PocketsphinxOptions options;
    private readonly SpeechWorkPool pool;
    private readonly ConcurrentBag<PocketsphinxDecoderHandle> idle = [];
    private readonly float[] initialCmn;
    private int disposed;

    public PocketsphinxSpeechRecognizer(IOptions<PocketsphinxOptions> options, SpeechWorkPool pool)
    {
        this.options = options.Value;
        this.pool = pool;
        var first = CreateDecoder();
        initialCmn = ReadCmn(first);
        idle.Add(first);
    }

    public string Name => "pocketsphinx en-us (Debian)";

    public int SampleRate => 16_000;

    public ISpeechRecognitionStream OpenStream()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var decoder = idle.TryTake(out var pooled) ? pooled : CreateDecoder();
        ResetCmn(decoder, initialCmn, options.CmnPriorFrames);
        return new PocketsphinxRecognitionStream(decoder, Return, pool, options.CmnUpdateFrames);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref disposed, 1);
        while (idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }
    }

    private void Return(PocketsphinxDecoderHandle decoder)
    {
        if (Volatile.Read(ref disposed) == 0 && idle.Count < options.MaxIdleDecoders)
        {
            idle.Add(decoder);
            return;
        }

        decoder.Dispose();
    }

    private unsafe PocketsphinxDecoderHandle CreateDecoder()
    {
        string[] arguments =
        [
            "-hmm", Path.Combine(options.ModelDirectory, options.AcousticModel),
            "-lm", Path.Combine(options.ModelDirectory, options.LanguageModel),
            "-dict", Path.Combine(options.ModelDirectory, options.Dictionary),
            "-samprate", "16000",
            "-fwdflat", options.SecondPass ? "yes" : "no",
            "-bestpath", options.SecondPass ? "yes" : "no",
        ];
        lock (CreateGate)
        {
            if (!loggingOff)
            {
                // Its log would go to stderr, line by line for every utterance.
                PocketsphinxApi.err_set_logfp(IntPtr.Zero);
                loggingOff = true;
            }

            using var strings = new NativeStrings();
            var argv = stackalloc IntPtr[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                argv[i] = strings.Add(arguments[i]);
            }

            using var config = PocketsphinxApi.cmd_ln_parse_r(IntPtr.Zero, PocketsphinxApi.ps_args(), arguments.Length, argv, 1);
            if (config.IsInvalid)
            {
                throw new SpeechConfigurationException("pocketsphinx rejected its configuration: " + string.Join(' ', arguments));
            }

            var decoder = PocketsphinxApi.ps_init(config);
            if (decoder.IsInvalid)
            {
                decoder.Dispose();
                throw new SpeechConfigurationException(
                    $"pocketsphinx could not load its model from {options.ModelDirectory}. Run scripts/setup.sh "
                    + "(it installs the Debian package pocketsphinx-en-us) or set Speech:Pocketsphinx:ModelDirectory.");
            }

            return decoder;
        }
    }

    /// <summary>The decoder's live cepstral mean (what it has adapted to so far).</summary>
    private static unsafe float[] ReadCmn(PocketsphinxDecoderHandle decoder)
    {
        var feature = PocketsphinxApi.ps_get_feat(decoder);
        var mean = new float[feature->CepSize];
        fixed (float* pointer = mean)
        {
            PocketsphinxApi.cmn_live_get(feature->CmnState, pointer);
        }

        return mean;
    }

    /// <summary>Back to <paramref name="mean"/>, weighted as <paramref name="frames"/> frames of audio (10 ms each).</summary>
    private static unsafe void ResetCmn(PocketsphinxDecoderHandle decoder, float[] mean, int frames)
    {
        var cmn = PocketsphinxApi.ps_get_feat(decoder)->CmnState;
        fixed (float* pointer = mean)
        {
            PocketsphinxApi.cmn_live_set(cmn, pointer);
        }

        // cmn_live_set weighs the mean as 500 frames: a caller whose audio differs would need seconds to outweigh it.
        frames = Math.Max(1, frames);
        var sum = (float*)cmn->Sum;
        for (var i = 0; i < cmn->VectorLength; i++)
        {
            sum[i] = mean[i] * frames;
        }

        cmn->FrameCount = frames;
    }

    internal static unsafe void UpdateCmn(PocketsphinxDecoderHandle decoder) =>
        PocketsphinxApi.cmn_live_update(PocketsphinxApi.ps_get_feat(decoder)->CmnState);

    internal static string ReadHypothesis(PocketsphinxDecoderHandle decoder)
    {
        unsafe
        {
            int score;
            var text = PocketsphinxApi.ps_get_hyp(decoder, &score);
            return (Marshal.PtrToStringUTF8(text) ?? string.Empty).Trim();
        }
    }
}
