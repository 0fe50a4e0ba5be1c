using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.Espeak;

namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>
/// The only thread that calls libespeak-ng. The library keeps its voice, parameters, callback and
/// buffers in globals and is not thread-safe, and it can be initialised once per process: so there is
/// one instance per process, every sentence is queued to it, and sessions synthesise one at a time.
/// </summary>
internal sealed unsafe class EspeakThread
{
    // Milliseconds of audio per callback: small enough that the first chunk arrives quickly.
    private const int CallbackBufferMs = 60;

    private static readonly Lock InstanceGate = new();
    private static EspeakThread? instance;

    // Touched only on the espeak thread, inside espeak_Synth; the callback has no user pointer in
    // synchronous mode that we could use instead.
    [ThreadStatic]
    private static EspeakJob? current;

    private readonly Channel<EspeakJob> jobs = Channel.CreateUnbounded<EspeakJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<int> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? voice;
    private int rate;

    private EspeakThread(string? dataDirectory)
    {
        var thread = new Thread(() => Run(dataDirectory)) { IsBackground = true, Name = "espeak-ng" };
        thread.Start();
        NativeSampleRate = started.Task.GetAwaiter().GetResult();
    }

    public int NativeSampleRate { get; }

    public static EspeakThread Get(string? dataDirectory)
    {
        lock (InstanceGate)
        {
            return instance ??= new EspeakThread(dataDirectory);
        }
    }

    public void Enqueue(EspeakJob job)
    {
        if (!jobs.Writer.TryWrite(job))
        {
            job.Complete(new ObjectDisposedException(nameof(EspeakThread)));
        }
    }

    private void Run(string? dataDirectory)
    {
        try
        {
            NativeLibraries.Preload(NativeLibraries.EspeakNg);
            using var strings = new NativeStrings();
            var sampleRate = EspeakApi.espeak_Initialize(EspeakApi.AudioOutputSynchronous, CallbackBufferMs, strings.Add(dataDirectory), EspeakApi.InitializeDontExit);
            if (sampleRate <= 0)
            {
                throw new SpeechConfigurationException("espeak-ng could not initialise (espeak-ng-data missing?). Run scripts/setup.sh (Debian package espeak-ng).");
            }

            EspeakApi.espeak_SetSynthCallback(&OnSamples);
            started.SetResult(sampleRate);
        }
        catch (Exception exception)
        {
            started.SetException(exception);
            return;
        }

        var reader = jobs.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var job))
            {
                Synthesize(job);
            }
        }
    }

    private void Synthesize(EspeakJob job)
    {
        if (job.CancellationToken.IsCancellationRequested)
        {
            job.Complete(new OperationCanceledException(job.CancellationToken));
            return;
        }

        try
        {
            Configure(job);
            var text = Encoding.UTF8.GetBytes(job.Text + "\0");
            current = job;
            int status;
            fixed (byte* pointer = text)
            {
                status = EspeakApi.espeak_Synth(pointer, (nuint)text.Length, 0, EspeakApi.PositionCharacter, 0, EspeakApi.CharsUtf8, null, IntPtr.Zero);
            }

            job.Complete(status == 0 || job.CancellationToken.IsCancellationRequested
                ? null
                : new InvalidOperationException($"espeak-ng failed to synthesize (error {status})."));
        }
        catch (Exception exception)
        {
            job.Complete(exception);
        }
        finally
        {
            current = null;
        }
    }

    private void Configure(EspeakJob job)
    {
        if (voice != job.Voice)
        {
            if (EspeakApi.espeak_SetVoiceByName(job.Voice) != 0)
            {
                throw new ArgumentException($"espeak-ng has no voice named '{job.Voice}'.");
            }

            voice = job.Voice;
            rate = 0;
        }

        if (rate != job.Rate)
        {
            _ = EspeakApi.espeak_SetParameter(EspeakApi.ParameterRate, job.Rate, 0);
            rate = job.Rate;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSamples(short* samples, int count, IntPtr events)
    {
        var job = current;
        if (job is null)
        {
            return 1;
        }

        if (samples != null && count > 0)
        {
            job.Write(Audio.Pcm16.ToFloat(new ReadOnlySpan<short>(samples, count)));
        }

        // Non-zero asks espeak-ng to stop: the session was cancelled (barge-in).
        return job.CancellationToken.IsCancellationRequested ? 1 : 0;
    }
}
