using System.Threading.Channels;

namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>
/// A fixed set of dedicated threads for native decoding. A decode call blocks its thread for
/// milliseconds to tens of milliseconds; on ASP.NET's thread pool many sessions doing that at once
/// would starve request handling, so callers await these work items instead.
/// </summary>
public sealed class SpeechWorkPool : IDisposable
{
    private readonly Channel<Action> queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Thread[] threads;

    public SpeechWorkPool(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(Run) { IsBackground = true, Name = $"speech-decode-{i}" };
            threads[i].Start();
        }
    }

    public int ThreadCount => threads.Length;

    /// <summary>Work items waiting for a thread: a growing number means the machine is over capacity.</summary>
    public int Pending => queue.Reader.CanCount ? queue.Reader.Count : 0;

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = queue.Writer.TryWrite(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                completion.TrySetResult(work());
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        });
        ObjectDisposedException.ThrowIf(!accepted, this);

        return completion.Task;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run()
    {
        var reader = queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var work))
            {
                work();
            }
        }
    }
}
