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
/// borrows its own; idle decoders are pooled because loading one takes about a second.
/// </summary>
public sealed class PocketsphinxSpeechRecognizer : ISpeechRecognizer, IDisposable
{
    // sphinxbase's argument tables and logging are process-global: decoder creation is serialised.
    private static readonly Lock CreateGate = new();

    private readonly PocketsphinxOptions options;
    private readonly SpeechWorkPool pool;
    private readonly ConcurrentBag<PocketsphinxDecoderHandle> idle = [];
    private int disposed;

    public PocketsphinxSpeechRecognizer(IOptions<PocketsphinxOptions> options, SpeechWorkPool pool)
    {
        this.options = options.Value;
        this.pool = pool;
        idle.Add(CreateDecoder());
    }

    public string Name => "pocketsphinx en-us (Debian)";

    public int SampleRate => 16_000;

    public ISpeechRecognitionStream OpenStream()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var decoder = idle.TryTake(out var pooled) ? pooled : CreateDecoder();
        return new PocketsphinxRecognitionStream(decoder, Return, pool);
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
            // Its log goes to stderr by default, line by line for every utterance.
            "-logfn", "/dev/null",
            "-fwdflat", options.SecondPass ? "yes" : "no",
            "-bestpath", options.SecondPass ? "yes" : "no",
        ];
        lock (CreateGate)
        {
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
