using System.Collections.Concurrent;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// Decodes the ready streams of every session on the speech threads. A stream asks only when it has a whole chunk
/// ready (a few times a second, not every frame); a drain takes whatever is queued, so alone a stream is decoded at
/// once and under load one hop serves many streams. At most one drain per speech thread runs.
/// (<c>SherpaOnnxDecodeMultipleOnlineStreams</c> would run the encoder once per batch, but the transducer here was
/// exported with a batch of 1: onnxruntime rejects a larger one and the process aborts. Streams go one by one.)
/// </summary>
internal sealed class SherpaOnnxDecodeQueue(OnlineRecognizerHandle recognizer, SpeechWorkPool pool)
{
    // Streams per drain pass: bounds how long the first of them waits for the last.
    private const int MaxBatch = 32;

    private readonly ConcurrentQueue<Request> pending = new();
    private int drains;

    /// <summary>Decodes everything <paramref name="stream"/> has ready; <paramref name="read"/> runs on the speech thread after it.</summary>
    public Task<T> DecodeAsync<T>(OnlineStreamHandle stream, Func<T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new Request<T>(stream, read);
        pending.Enqueue(request);
        Schedule();
        return request.Completion.Task;
    }

    private void Schedule()
    {
        while (!pending.IsEmpty)
        {
            var running = Volatile.Read(ref drains);
            if (running >= pool.ThreadCount)
            {
                return; // a running drain takes it
            }
            if (Interlocked.CompareExchange(ref drains, running + 1, running) == running)
            {
                _ = pool.RunAsync(Drain);
                return;
            }
        }
    }

    private bool Drain()
    {
        try
        {
            var batch = new List<Request>(MaxBatch);
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && pending.TryDequeue(out var request))
                {
                    batch.Add(request);
                }
                if (batch.Count == 0)
                {
                    return true;
                }
                Decode(batch);
            }
        }
        finally
        {
            Interlocked.Decrement(ref drains);
            Schedule(); // a request queued after this drain's last look
        }
    }

    private void Decode(List<Request> batch)
    {
        // The native pointers stay valid while referenced, even if a session disposes its stream meanwhile.
        var held = new List<Request>(batch.Count);
        foreach (var request in batch)
        {
            try
            {
                var added = false;
                request.Stream.DangerousAddRef(ref added);
                held.Add(request);
            }
            catch (ObjectDisposedException exception)
            {
                request.Fail(exception);
            }
        }
        try
        {
            foreach (var request in held)
            {
                while (SherpaOnnxApi.SherpaOnnxIsOnlineStreamReady(recognizer, request.Stream) != 0)
                {
                    SherpaOnnxApi.SherpaOnnxDecodeOnlineStream(recognizer, request.Stream);
                }
            }
            foreach (var request in held)
            {
                request.Complete();
            }
        }
        catch (Exception exception)
        {
            foreach (var request in held)
            {
                request.Fail(exception);
            }
        }
        finally
        {
            foreach (var request in held)
            {
                request.Stream.DangerousRelease();
            }
        }
    }

    private abstract class Request(OnlineStreamHandle stream)
    {
        public OnlineStreamHandle Stream { get; } = stream;

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Request<T>(OnlineStreamHandle stream, Func<T> read) : Request(stream)
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete()
        {
            try
            {
                Completion.TrySetResult(read());
            }
            catch (Exception exception)
            {
                Completion.TrySetException(exception);
            }
        }

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
