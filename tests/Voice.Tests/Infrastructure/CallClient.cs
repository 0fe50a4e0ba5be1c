using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// A test caller: a microphone that streams 20 ms frames in real time (silence between utterances, as a real one
/// does), and a log of everything the server sent, in order, to wait on.
/// </summary>
public sealed class CallClient : IAsyncDisposable
{
    private const int FrameSamples = 320;

    private readonly ClientWebSocket socket;
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly Lock sync = new();
    private readonly List<Received> log = [];
    private readonly Queue<(float[] Samples, TaskCompletionSource Done)> speech = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiver;
    private Task? microphone;

    public CallClient(ClientWebSocket socket)
    {
        this.socket = socket;
        receiver = Task.Run(ReceiveAsync);
    }

    public sealed record Received(int Index, long At, JsonElement? Event, int AudioBytes)
    {
        public string? Type => Event?.GetProperty("type").GetString();
    }

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public IReadOnlyList<Received> Log
    {
        get
        {
            lock (sync)
            {
                return [.. log];
            }
        }
    }

    public void StartMicrophone() => microphone ??= Task.Run(MicrophoneAsync);

    /// <summary>Queues an utterance; the task ends when its last sample was sent (the audio's end, in real time).</summary>
    public Task SayAsync(float[] samples)
    {
        StartMicrophone();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            speech.Enqueue((samples, done));
        }
        return done.Task;
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendJsonAsync(object body) => SendTextAsync(JsonSerializer.Serialize(body));

    public async Task SendAsync(byte[] payload, WebSocketMessageType type)
    {
        // A server that stops reading must fail the test, not hang it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await sendGate.WaitAsync(timeout.Token);
        try
        {
            await socket.SendAsync(payload, type, true, timeout.Token);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>The first event of <paramref name="type"/> after <paramref name="after"/> that matches, within the timeout.</summary>
    public async Task<Received> WaitForAsync(string type, Func<JsonElement, bool>? match = null, int after = -1, int timeoutSeconds = 30)
    {
        var deadline = Stopwatch.GetTimestamp() + timeoutSeconds * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var found = Log.FirstOrDefault(r => r.Index > after && r.Type == type && (match is null || match(r.Event!.Value)));
            if (found is not null)
            {
                return found;
            }
            if (receiver.IsCompleted && Log.All(r => r.Index <= after || r.Type != type))
            {
                break;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No '{type}' event within {timeoutSeconds} s. Received: {string.Join(", ", Log.Where(r => r.Event is not null).Select(r => r.Event!.Value.GetRawText()).TakeLast(12))}");
    }

    /// <summary>Waits until the server closed the connection and returns its status.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync(int timeoutSeconds = 15)
    {
        await receiver.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));
        return socket.CloseStatus;
    }

    public int AudioBytesBetween(int after, int before) => Log.Where(r => r.Index > after && r.Index < before).Sum(r => r.AudioBytes);

    public void Abort()
    {
        stop.Cancel();
        socket.Abort();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                lock (sync)
                {
                    log.Add(result.MessageType == WebSocketMessageType.Text
                        ? new Received(log.Count, Stopwatch.GetTimestamp(), JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone(), 0)
                        : new Received(log.Count, Stopwatch.GetTimestamp(), null, length));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted by the test or the server.
        }
    }

    private async Task MicrophoneAsync()
    {
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        float[]? current = null;
        TaskCompletionSource? done = null;
        var offset = 0;
        var frame = new byte[FrameSamples * 2];
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                if (current is null)
                {
                    lock (sync)
                    {
                        if (speech.TryDequeue(out var next))
                        {
                            (current, done, offset) = (next.Samples, next.Done, 0);
                        }
                    }
                }
                Array.Clear(frame);
                if (current is not null)
                {
                    var count = Math.Min(FrameSamples, current.Length - offset);
                    for (var i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(frame.AsSpan(i * 2), (short)Math.Clamp(current[offset + i] * 32767f, -32768f, 32767f));
                    }
                    offset += count;
                }
                await SendAsync(frame, WebSocketMessageType.Binary);
                if (current is not null && offset >= current.Length)
                {
                    done!.TrySetResult();
                    current = null;
                }
                sent += FrameSamples;
                var due = started + sent * Stopwatch.Frequency / 16_000;
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The call ended.
        }
        done?.TrySetResult();
        lock (sync)
        {
            // The microphone stopped (the call ended): utterances still queued were never said.
            while (speech.TryDequeue(out var unsaid))
            {
                unsaid.Done.TrySetException(new InvalidOperationException($"The call ended before this utterance was sent (server closed with {socket.CloseStatus})."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (microphone is not null)
        {
            await microphone;
        }
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                socket.Abort();
            }
        }
        await receiver.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        stop.Dispose();
    }
}
