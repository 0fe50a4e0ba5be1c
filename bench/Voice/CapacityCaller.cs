using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// One caller holding a conversation, as a person on a phone does: the microphone streams 20 ms frames in real time
/// the whole call (silence between questions), a question is spoken, the answer is awaited and then listened to for
/// as long as it sounds (played back in real time with <c>playback.mark</c> reports, like the call page), a pause of
/// 1-2 s, and the next question. Lighter than the tests' CallClient on purpose: events are handled once as they
/// arrive (no log re-scanned while waiting), so fifty callers cost the caller process little.
/// </summary>
internal sealed class CapacityCaller(int index, CapacityJob job, IReadOnlyList<(string Text, float[] Clip)> questions)
{
    private const int FrameSamples = 320;
    private const int SampleRate = 16_000;

    private readonly Channel<CapacityMessage> received = Channel.CreateUnbounded<CapacityMessage>();
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly Lock sync = new();
    private (float[] Samples, TaskCompletionSource Done)? speaking;

    public List<CapacityTurn> Turns { get; } = [];

    public bool Connected { get; private set; }

    public string? Recognizer { get; private set; }

    /// <summary>
    /// How far behind real time this caller's own microphone fell at worst (its process starved): the frames it then
    /// sends at once are a burst the server may refuse as faster than real time, through no fault of its own.
    /// </summary>
    public int MicrophoneBehindMs { get; private set; }

    public async Task RunAsync(long windowEnd, CancellationToken stop)
    {
        var random = new Random(index);
        var kb = job.KnowledgeBaseId is { } id ? $"&kb_ids={id}" : "";
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{job.Voice.Authority}/ws/voice?access_token={job.Tokens[index]}{kb}"), stop);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Turns.Add(new CapacityTurn(index, "", "", null, null, 0, $"connect: {ex.Message}"));
            return;
        }
        Connected = true;
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var receiver = Task.Run(() => ReceiveAsync(socket), CancellationToken.None);
        var microphone = Task.Run(() => MicrophoneAsync(socket, hangUp.Token), CancellationToken.None);
        try
        {
            var created = await NextAsync(e => e.Type == "session.created", TimeSpan.FromSeconds(20), stop);
            Recognizer = created.Event!.Value.GetProperty("config").TryGetProperty("recognizer", out var name) ? name.GetString() : null;
            var asked = random.Next(questions.Count);
            while (Stopwatch.GetTimestamp() < windowEnd && !stop.IsCancellationRequested)
            {
                var (text, clip) = questions[asked++ % questions.Count];
                Turns.Add(await TurnAsync(socket, text, clip, stop));
                await Task.Delay(TimeSpan.FromMilliseconds(1000 + random.Next(1000)), stop);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            // The call broke (reported by the turn that saw it) or the level ended.
        }
        finally
        {
            await hangUp.CancelAsync();
            await microphone;
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            socket.Abort();
            await receiver;
        }
    }

    private async Task<CapacityTurn> TurnAsync(ClientWebSocket socket, string question, float[] clip, CancellationToken stop)
    {
        var said = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            speaking = (clip, said);
        }
        await said.Task;
        var speechEnd = Stopwatch.GetTimestamp();
        try
        {
            // Waits are generous: a turn that takes this long has failed the targets anyway, and is counted as slow.
            var final = await NextAsync(e => e.Type == "transcript.final" && e.Event!.Value.GetProperty("text").GetString() is { Length: > 0 }, TimeSpan.FromSeconds(30), stop);
            var transcript = final.Event!.Value.GetProperty("text").GetString()!;
            long? firstAudio = null;
            var audioBytes = 0;
            string? responseId = null;
            CapacityMessage done;
            while (true)
            {
                var next = await NextAsync(_ => true, TimeSpan.FromSeconds(30), stop);
                if (next.AudioBytes > 0)
                {
                    firstAudio ??= next.At;
                    audioBytes += next.AudioBytes;
                }
                else if (next.Type == "response.audio.started")
                {
                    responseId = next.Event!.Value.GetProperty("response_id").GetString();
                }
                else if (next.Type == "response.done")
                {
                    done = next;
                    break;
                }
                else if (next.Type == "error")
                {
                    return new CapacityTurn(index, question, transcript, null, null, 0, next.Event!.Value.GetRawText());
                }
            }
            var latency = done.Event!.Value.GetProperty("latency");
            var endOfTurnMs = latency.GetProperty("end_of_turn_ms").GetInt32();
            var lagMs = (int)Stopwatch.GetElapsedTime(speechEnd, final.At).TotalMilliseconds - endOfTurnMs;
            var audioMs = audioBytes / 2 / (SampleRate / 1000);
            if (firstAudio is { } start)
            {
                await ListenAsync(socket, responseId, start, audioMs, stop);
            }
            return new CapacityTurn(index, question, transcript, firstAudio is { } first ? (int)Stopwatch.GetElapsedTime(speechEnd, first).TotalMilliseconds : null,
                lagMs, audioMs, firstAudio is null ? "no answer audio" : null,
                endOfTurnMs, Number(latency, "recognition_ms"), Number(latency, "first_token_ms"), Number(latency, "synthesis_ms"));
        }
        catch (TimeoutException ex)
        {
            return new CapacityTurn(index, question, "", null, null, 0, ex.Message);
        }
    }

    private static int Number(JsonElement latency, string name) =>
        latency.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    /// <summary>Plays the answer back in real time from its first byte, reporting what was heard every quarter second.</summary>
    private async Task ListenAsync(ClientWebSocket socket, string? responseId, long playbackStart, int audioMs, CancellationToken stop)
    {
        while (true)
        {
            var played = Math.Min(audioMs, (int)Stopwatch.GetElapsedTime(playbackStart).TotalMilliseconds);
            await SendAsync(socket, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "playback.mark", response_id = responseId, played_ms = played })), WebSocketMessageType.Text);
            if (played >= audioMs)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250, audioMs - played)), stop);
        }
    }

    /// <summary>The next event that matches, skipping the others (late events of an earlier turn, partials, deltas).</summary>
    private async Task<CapacityMessage> NextAsync(Func<CapacityMessage, bool> match, TimeSpan limit, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(limit);
        try
        {
            while (true)
            {
                var item = await received.Reader.ReadAsync(timeout.Token);
                if (match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            throw new TimeoutException($"nothing expected within {limit.TotalSeconds:0} s");
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket)
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
                var at = Stopwatch.GetTimestamp();
                received.Writer.TryWrite(result.MessageType == WebSocketMessageType.Text
                    ? new CapacityMessage(at, JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone(), 0)
                    : new CapacityMessage(at, null, length));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The call ended.
        }
        received.Writer.TryComplete();
    }

    private async Task MicrophoneAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        long sent = 0;
        var offset = 0;
        var frame = new byte[FrameSamples * 2];
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                Array.Clear(frame);
                (float[] Samples, TaskCompletionSource Done)? utterance;
                lock (sync)
                {
                    utterance = speaking;
                }
                if (utterance is { } current)
                {
                    var count = Math.Min(FrameSamples, current.Samples.Length - offset);
                    for (var i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(frame.AsSpan(i * 2), (short)Math.Clamp(current.Samples[offset + i] * 32767f, -32768f, 32767f));
                    }
                    offset += count;
                }
                await SendAsync(socket, frame, WebSocketMessageType.Binary);
                if (utterance is { } spoken && offset >= spoken.Samples.Length)
                {
                    lock (sync)
                    {
                        speaking = null;
                    }
                    offset = 0;
                    spoken.Done.TrySetResult();
                }
                sent += FrameSamples;
                var wait = started + sent * Stopwatch.Frequency / SampleRate - Stopwatch.GetTimestamp();
                MicrophoneBehindMs = Math.Max(MicrophoneBehindMs, (int)(-wait * 1000 / Stopwatch.Frequency));
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stop);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The call ended.
        }
        lock (sync)
        {
            speaking?.Done.TrySetCanceled(stop);
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] payload, WebSocketMessageType type)
    {
        await sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(payload, type, true, CancellationToken.None);
        }
        finally
        {
            sendGate.Release();
        }
    }
}
