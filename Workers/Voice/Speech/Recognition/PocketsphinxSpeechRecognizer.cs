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
    private readonly PocketsphinxAdaptation? adaptation;
    private readonly SpeechWorkPool pool;
    private readonly ConcurrentBag<PocketsphinxDecoderHandle> idle = [];
    private readonly float[] initialCmn;
    private int disposed;

    public PocketsphinxSpeechRecognizer(IOptions<PocketsphinxOptions> options, SpeechWorkPool pool)
        : this(options.Value, pool, adaptation: null)
    {
    }

    /// <summary>A recogniser whose decoders use <paramref name="adaptation"/> (a knowledge base's words and language model).</summary>
    public PocketsphinxSpeechRecognizer(PocketsphinxOptions options, SpeechWorkPool pool, PocketsphinxAdaptation? adaptation)
    {
        this.options = options;
        this.adaptation = adaptation;
        this.pool = pool;
        var first = CreateDecoder();
        initialCmn = ReadCmn(first);
        idle.Add(first);
    }

    public string Name => adaptation is null ? "pocketsphinx en-us (Debian)" : "pocketsphinx en-us (Debian), adapted";

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
        var generalModel = Path.Combine(options.ModelDirectory, options.LanguageModel);
        string[] arguments =
        [
            "-hmm", Path.Combine(options.ModelDirectory, options.AcousticModel),
            // An adapted decoder starts with no search; its mixed model is added below, so the general model loads once.
            .. adaptation is null ? (string[])["-lm", generalModel] : adaptation.Search.SelectMany(a => (string[])[a.Key, a.Value]),
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

            if (adaptation is not null)
            {
                try
                {
                    Adapt(decoder, generalModel, adaptation);
                }
                catch
                {
                    decoder.Dispose();
                    throw;
                }
            }

            return decoder;
        }
    }

    /// <summary>
    /// The knowledge base's words go into the decoder's dictionary, then one search over the linear interpolation of
    /// the general model and the knowledge base's model: the general vocabulary stays reachable and the knowledge
    /// base's word sequences become likely.
    /// </summary>
    private static unsafe void Adapt(PocketsphinxDecoderHandle decoder, string generalModel, PocketsphinxAdaptation adaptation)
    {
        foreach (var (word, phones) in adaptation.Pronunciations)
        {
            // -1 when a phone is not in the acoustic model: that word is left out, the rest stay.
            _ = PocketsphinxApi.ps_add_word(decoder, word, phones, 0);
        }

        var config = PocketsphinxApi.ps_get_config(decoder);
        var logmath = PocketsphinxApi.ps_get_logmath(decoder);
        var general = PocketsphinxApi.ngram_model_read(config, generalModel, 0, logmath);
        var domain = general == IntPtr.Zero ? IntPtr.Zero : PocketsphinxApi.ngram_model_read(config, adaptation.LanguageModelPath, 1, logmath);
        var set = IntPtr.Zero;
        try
        {
            if (domain == IntPtr.Zero)
            {
                throw new SpeechConfigurationException($"pocketsphinx could not read the language model {adaptation.LanguageModelPath}.");
            }

            using var strings = new NativeStrings();
            var models = stackalloc IntPtr[] { general, domain };
            var names = stackalloc IntPtr[] { strings.Add("general"), strings.Add("domain") };
            var weights = stackalloc float[] { 1 - adaptation.DomainWeight, adaptation.DomainWeight };
            set = PocketsphinxApi.ngram_model_set_init(config, models, names, weights, 2);
            if (set == IntPtr.Zero || PocketsphinxApi.ps_set_lm(decoder, "adapted", set) < 0 || PocketsphinxApi.ps_set_search(decoder, "adapted") < 0)
            {
                throw new SpeechConfigurationException("pocketsphinx could not search the adapted language model.");
            }
        }
        finally
        {
            // The set retains its models and the search retains the set: these are only our own references.
            foreach (var model in new[] { set, domain, general })
            {
                if (model != IntPtr.Zero)
                {
                    _ = PocketsphinxApi.ngram_model_free(model);
                }
            }
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
