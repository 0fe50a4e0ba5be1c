using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// One voice call. It outlives its connection: a client that drops and reconnects with the session id within the
/// resume window gets the same call back, with the events and audio of the pending answer that it missed.
/// The receive loop owns the audio state (detector, recogniser, turn); answers run beside it, one at a time, and
/// everything sent goes through one queue drained by the connection's sender.
/// </summary>
public sealed class VoiceCallSession : IAsyncDisposable
{
    private const int SampleRate = 16_000;
    private const int SamplesPerMs = SampleRate / 1000;
    private const int PrerollMs = 500;
    // Frames read but not yet handled: seconds of audio at the usual 20-100 ms frames; a call further behind stops reading.
    private const int QueuedFrames = 256;

    private readonly VoiceCallServices services;
    private readonly VoiceOptions options;
    private readonly CancellationTokenSource lifetime = new();
    private readonly Channel<VoiceCallOutgoing> outgoing = Channel.CreateUnbounded<VoiceCallOutgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim sendGate = new(1, 1);

    // Audio state: touched only by the receive loop (one connection at a time).
    private IVoiceActivitySession vad;
    private ISpeechRecognitionStream? recognizer;

    // Chosen once per call: adapted to the call's knowledge bases (this tenant's only) or the general recogniser.
    private readonly ISpeechRecognizer speechRecognizer;
    private readonly Queue<float[]> preroll = new();
    private int prerollSamples;
    private long position;
    private bool vadSpeaking;
    private long speechStart;
    private long speechEnd;
    private bool inTurn;
    private long turnStart;
    private string committed = "";
    private string partial = "";
    private bool bargedThisSpeech;
    private double audioAllowanceMs;
    private long allowanceRefilledAt;
    private long lastRateErrorAt;

    private VoiceCallResponse? current;

    // An answer being prepared from the partial transcript while the end-of-turn silence runs (receive loop only).
    private VoiceCallResponse? speculation;
    private bool finishedEarly;
    private WebSocket? socket;
    private long lastReceivedAt;
    private int connection;

    public VoiceCallSession(Guid id, Guid tenantId, Guid userId, Guid conversationId, long messageCount, VoiceCallSettings settings, VoiceCallServices services,
        IReadOnlyList<Guid>? knowledgeBaseIds = null)
    {
        speechRecognizer = services.RecognizerFor(tenantId, knowledgeBaseIds);
        Id = id;
        TenantId = tenantId;
        UserId = userId;
        ConversationId = conversationId;
        MessageCount = messageCount;
        // The call's settings name the recogniser it really uses (the adapted one shows as such).
        settings = settings.Recognizer is null ? settings : settings with { Recognizer = speechRecognizer.Name };
        Settings = settings;
        this.services = services;
        options = services.Options;
        vad = OpenVad(settings);
        recognizer = settings.Recognizer is null ? null : speechRecognizer.OpenStream();
        audioAllowanceMs = options.MaxAudioAheadMs;
        allowanceRefilledAt = Stopwatch.GetTimestamp();
    }

    public Guid Id { get; }

    public Guid TenantId { get; }

    public Guid UserId { get; }

    public Guid ConversationId { get; }

    public long MessageCount { get; private set; }

    public VoiceCallSettings Settings { get; private set; }

    public bool IsAttached => Volatile.Read(ref socket) is not null;

    /// <summary>
    /// Frees the call for a resume while its old connection still looks open (the client went away without a close
    /// and the server has not noticed yet, or a phone switched networks): the old connection is aborted and its end
    /// awaited. False if it did not end within <paramref name="wait"/>.
    /// </summary>
    public async Task<bool> DetachAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Volatile.Read(ref socket)?.Abort();
        var started = Stopwatch.GetTimestamp();
        while (IsAttached && Stopwatch.GetElapsedTime(started) < wait)
        {
            await Task.Delay(10, cancellationToken);
        }
        return !IsAttached;
    }

    /// <summary>Counts connections, so an expiry scheduled for an old one does not end a resumed call.</summary>
    public int Connection => Volatile.Read(ref connection);

    // The token Conversations is called with: the handshake's, replaced by each fresh one the client sends (session.auth).
    private VoiceCallAccess access = new("", DateTimeOffset.MaxValue);
    private VoiceCallTokenCheck? tokenCheck;

    private string AccessToken => Volatile.Read(ref access).Token;

    /// <summary>
    /// Serves one connection until it closes. Returns true when the client ended the call (a close frame), false when
    /// the connection dropped and the call may be resumed.
    /// </summary>
    public async Task<bool> RunConnectionAsync(WebSocket webSocket, VoiceCallAccess handshakeAccess, VoiceCallTokenCheck check, bool resumed, CancellationToken aborted)
    {
        Volatile.Write(ref access, handshakeAccess);
        tokenCheck = check;
        var number = Interlocked.Increment(ref connection);
        using var connectionEnd = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.Token);
        Volatile.Write(ref socket, webSocket);
        lastReceivedAt = Stopwatch.GetTimestamp();
        await SendDirectAsync(webSocket, Event("session.created", new
        {
            session_id = Id,
            conversation_id = ConversationId,
            resumed,
            pending_response_id = resumed && current is { Finished: false } ? current.Id : (Guid?)null,
            audio = new { sample_rate = SampleRate, channels = 1, encoding = "pcm_s16le" },
            config = Settings,
            voices = VoiceCatalog.Available(options),
            limits = new { max_frame_bytes = options.MaxFrameBytes, idle_timeout_ms = options.IdleTimeoutMs, resume_window_ms = options.ResumeWindowMs },
            warning = Settings.Recognizer is null ? NoRecognizerMessage : null,
        }), connectionEnd.Token);

        var sender = Task.Run(() => SendLoopAsync(webSocket, connectionEnd.Token), CancellationToken.None);
        var watchdog = Task.Run(() => IdleWatchdogAsync(webSocket, connectionEnd.Token), CancellationToken.None);
        var clientClosed = false;
        try
        {
            clientClosed = await ReceiveLoopAsync(webSocket, connectionEnd.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The connection dropped; the call waits for a resume.
        }
        catch (Exception ex)
        {
            // A fault of this call (an engine refusing input) ends this call only, never the process or another call.
            services.Logger.LogError(ex, "Voice call {SessionId} failed", Id);
            await SendDirectAsync(webSocket, Event("error", new VoiceCallError("internal_error", "The call failed on the server; please call again.")), CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            await CloseAsync(webSocket, WebSocketCloseStatus.InternalServerError, "Call failed.");
            clientClosed = true;
        }
        finally
        {
            Volatile.Write(ref socket, null);
            await connectionEnd.CancelAsync();
            await Task.WhenAll(sender, watchdog).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (!clientClosed)
        {
            services.Registry.Detached(this, number);
        }
        return clientClosed;
    }

    private const string NoRecognizerMessage =
        "No Mandarin speech recogniser exists on this server: your speech cannot be transcribed in Chinese. Answers are still spoken in Mandarin (espeak-ng cmn).";

    /// <summary>
    /// Frames are read, checked and paced here, as they arrive, and handled in order by <see cref="HandleFramesAsync"/>: a
    /// call whose handling waits (for a decoding slot, with many calls on the machine) keeps reading its socket, so audio a
    /// client sent in real time is never taken for a burst faster than real time when the handling catches up.
    /// </summary>
    private async Task<bool> ReceiveLoopAsync(WebSocket webSocket, CancellationToken cancellationToken)
    {
        var frames = Channel.CreateBounded<VoiceCallFrame>(new BoundedChannelOptions(QueuedFrames) { SingleReader = true, SingleWriter = true });
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handling = HandleFramesAsync(frames.Reader, receiving);
        try
        {
            return await ReceiveFramesAsync(webSocket, frames.Writer, receiving.Token);
        }
        finally
        {
            // Frames already read are handled before the connection ends; a handler's fault (which stopped the reading)
            // is thrown from here and ends the call.
            frames.Writer.TryComplete();
            await handling;
        }
    }

    private async Task HandleFramesAsync(ChannelReader<VoiceCallFrame> frames, CancellationTokenSource receiving)
    {
        await Task.Yield();
        try
        {
            while (await frames.WaitToReadAsync(receiving.Token))
            {
                while (frames.TryRead(out var frame))
                {
                    if (frame.Text)
                    {
                        await OnTextAsync(frame.Payload);
                    }
                    else
                    {
                        await OnAudioAsync(frame.Payload);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await receiving.CancelAsync(); // stop reading: the call ends with this fault
            throw;
        }
    }

    private async Task<bool> ReceiveFramesAsync(WebSocket webSocket, ChannelWriter<VoiceCallFrame> frames, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(options.MaxFrameBytes + 1);
        try
        {
            while (webSocket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length >= options.MaxFrameBytes + 1)
                    {
                        await CloseAsync(webSocket, WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {options.MaxFrameBytes} bytes.");
                        return true;
                    }
                    result = await webSocket.ReceiveAsync(buffer.AsMemory(length, options.MaxFrameBytes + 1 - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                lastReceivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(webSocket, WebSocketCloseStatus.NormalClosure, "Call ended.");
                    return true;
                }
                var limit = result.MessageType == WebSocketMessageType.Text ? options.MaxTextFrameBytes : options.MaxFrameBytes;
                if (length > limit)
                {
                    await CloseAsync(webSocket, WebSocketCloseStatus.MessageTooBig, $"{result.MessageType} frames are limited to {limit} bytes.");
                    return true;
                }
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    if (!IsUtf8(buffer.AsSpan(0, length)))
                    {
                        await CloseAsync(webSocket, WebSocketCloseStatus.InvalidPayloadData, "Text frames must be UTF-8 JSON.");
                        return true;
                    }
                    await frames.WriteAsync(new VoiceCallFrame(buffer.AsSpan(0, length).ToArray(), Text: true), cancellationToken);
                }
                else if (Admits(buffer.AsSpan(0, length)))
                {
                    await frames.WriteAsync(new VoiceCallFrame(buffer.AsSpan(0, length).ToArray(), Text: false), cancellationToken);
                }
            }
            return webSocket.State is WebSocketState.CloseReceived or WebSocketState.Closed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether an audio frame is PCM16 and within the real-time pace, measured when it arrived; the client is told why not.</summary>
    private bool Admits(ReadOnlySpan<byte> frame)
    {
        if (VoiceCallFrameDecision.Check(frame) is { } invalid)
        {
            Error(invalid);
            return false;
        }
        var frameMs = (double)(frame.Length / 2) / SamplesPerMs;
        var now = Stopwatch.GetTimestamp();
        (var accepted, audioAllowanceMs) = VoiceCallAudioDecision.Pace(audioAllowanceMs, Stopwatch.GetElapsedTime(allowanceRefilledAt, now).TotalMilliseconds, frameMs, options.MaxAudioAheadMs);
        allowanceRefilledAt = now;
        if (!accepted && Stopwatch.GetElapsedTime(lastRateErrorAt, now).TotalSeconds >= 1)
        {
            // Faster than real time beyond the allowance: the frame is dropped, the client told (at most once a second).
            lastRateErrorAt = now;
            Error(new VoiceCallError("audio_too_fast", $"Audio arrives faster than real time (more than {options.MaxAudioAheadMs} ms ahead); frames were dropped. Send 16 kHz audio at its own pace."));
        }
        return accepted;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private async Task OnTextAsync(byte[] utf8)
    {
        var (clientEvent, error) = VoiceCallClientEvent.Parse(utf8);
        if (error is not null)
        {
            Error(error);
            return;
        }
        var body = clientEvent!.Body;
        switch (clientEvent.Type)
        {
            case VoiceCallClientEvent.Ping:
                Enqueue("pong", new { id = body.TryGetProperty("id", out var pingId) ? pingId : (JsonElement?)null });
                break;
            case VoiceCallClientEvent.PlaybackMark:
                if (!body.TryGetProperty("played_ms", out var played) || !played.TryGetInt32(out var playedMs) || playedMs < 0)
                {
                    Error(new VoiceCallError("invalid_event", "playback.mark needs played_ms, a non-negative integer."));
                    break;
                }
                var target = current;
                if (target is not null && (!body.TryGetProperty("response_id", out var rid) || rid.ValueKind != JsonValueKind.String || rid.GetString() == target.Id.ToString()))
                {
                    target.PlayedMarkMs = Math.Max(target.PlayedMarkMs ?? 0, playedMs);
                }
                break;
            case VoiceCallClientEvent.ResponseCancel:
                if (current is { } active && (!active.Finished || active.IsAudible(Stopwatch.GetTimestamp())))
                {
                    Interrupt(active);
                }
                break;
            case VoiceCallClientEvent.InputCommit:
                if (inTurn)
                {
                    await EndTurnAsync();
                }
                break;
            case VoiceCallClientEvent.SessionAuth:
                var offered = body.TryGetProperty("access_token", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
                var (fresh, refused) = await tokenCheck!.CheckAsync(offered, TenantId, UserId);
                if (refused is not null)
                {
                    Error(refused);
                    break;
                }
                Volatile.Write(ref access, fresh!);
                Enqueue("session.authenticated", new { session_id = Id, expires_at = fresh!.UsableUntil == DateTimeOffset.MaxValue ? (DateTimeOffset?)null : fresh.UsableUntil });
                break;
            case VoiceCallClientEvent.SessionUpdate:
                var (settings, invalid) = VoiceCallSettingsDecision.Apply(Settings, body, VoiceCatalog.Available(options), options);
                if (invalid is not null)
                {
                    Error(invalid);
                    break;
                }
                ApplySettings(settings!);
                break;
        }
    }

    private void ApplySettings(VoiceCallSettings next)
    {
        var recognizerName = next.Language == VoiceCatalog.English ? speechRecognizer.Name : null;
        next = next with { Recognizer = recognizerName };
        if (Math.Abs(next.VadThreshold - Settings.VadThreshold) > 1e-6)
        {
            vad.Dispose();
            vad = OpenVad(next);
            vadSpeaking = false;
        }
        if (recognizerName is null && recognizer is not null)
        {
            recognizer.Dispose();
            recognizer = null;
            inTurn = false;
            DiscardSpeculation();
        }
        else if (recognizerName is not null && recognizer is null)
        {
            recognizer = speechRecognizer.OpenStream();
        }
        Settings = next;
        Enqueue("session.updated", new { session_id = Id, config = Settings, warning = Settings.Recognizer is null ? NoRecognizerMessage : null });
        if (Settings.Recognizer is null)
        {
            Error(new VoiceCallError("no_recognizer", NoRecognizerMessage));
        }
    }

    private IVoiceActivitySession OpenVad(VoiceCallSettings settings) =>
        services.Vad.OpenSession(settings.VadThreshold, options.VadMinSpeechMs / 1000f, options.VadMinSilenceMs / 1000f);

    private async Task OnAudioAsync(byte[] frame)
    {
        var samples = Pcm16.ToFloat(frame);
        if (!VoiceCallAudioDecision.SkipsDetector(samples, vadSpeaking))
        {
            vad.Accept(samples);
        }
        position += samples.Length;
        var speaking = vad.IsSpeaking;
        if (speaking && !vadSpeaking)
        {
            speechStart = Math.Max(0, position - samples.Length - options.VadMinSpeechMs * SamplesPerMs);
            bargedThisSpeech = false;
            Enqueue("speech.started", new { audio_start_ms = speechStart / SamplesPerMs });
            if (!inTurn && recognizer is not null)
            {
                inTurn = true;
                turnStart = speechStart;
                foreach (var earlier in preroll)
                {
                    await recognizer.AcceptAsync(earlier, lifetime.Token);
                }
            }
            preroll.Clear();
            prerollSamples = 0;
        }
        else if (!speaking && vadSpeaking)
        {
            speechEnd = Math.Max(speechStart, position - options.VadMinSilenceMs * SamplesPerMs);
            Enqueue("speech.stopped", new { audio_end_ms = speechEnd / SamplesPerMs });
        }
        vadSpeaking = speaking;

        if (inTurn && recognizer is not null)
        {
            var result = await recognizer.AcceptAsync(samples, lifetime.Token);
            if (result.IsFinal)
            {
                committed = Join(committed, result.Text);
                partial = "";
            }
            else if (result.Text != partial)
            {
                partial = result.Text;
                Enqueue("transcript.partial", new { text = Join(committed, partial) });
            }
        }
        else
        {
            preroll.Enqueue(samples);
            prerollSamples += samples.Length;
            while (prerollSamples > PrerollMs * SamplesPerMs && preroll.Count > 1)
            {
                prerollSamples -= preroll.Dequeue().Length;
            }
        }

        if (current is { } answer && VoiceCallAudioDecision.BargesIn(speaking, Settings.BargeIn, bargedThisSpeech, answer.IsAudible(Stopwatch.GetTimestamp()),
                (int)((position - speechStart) / SamplesPerMs), Settings.MinBargeInMs))
        {
            bargedThisSpeech = true;
            Interrupt(answer);
        }

        if (inTurn)
        {
            await SpeculateAsync(speaking);
            var turnMs = (int)((position - turnStart) / SamplesPerMs);
            var silenceMs = speaking ? 0 : (int)((position - speechEnd) / SamplesPerMs);
            if ((!speaking || turnMs >= options.MaxTurnMs)
                && VoiceCallTurnDecision.EndsTurn(silenceMs, turnMs, options.MaxTurnMs, Join(committed, partial), Settings))
            {
                await EndTurnAsync();
            }
        }
    }

    /// <summary>Starts, keeps or discards the answer prepared ahead of the end of the turn (<see cref="VoiceCallSpeculationDecision"/>).</summary>
    private async Task SpeculateAsync(bool speaking)
    {
        finishedEarly &= !speaking;
        var transcript = Join(committed, partial).Trim();
        var answerFree = current is null || current.Completion.IsCompleted && current.Truncation.IsCompleted && current.Message is not null
            && !current.IsAudible(Stopwatch.GetTimestamp());
        var step = VoiceCallSpeculationDecision.Next(options.SpeculativeAnswers && recognizer is not null, speaking, transcript,
            speculation is { Failed: false } ? speculation.Question : null, answerFree);
        if (step == VoiceCallSpeculationDecision.Step.Keep)
        {
            return;
        }
        DiscardSpeculation();
        if (step != VoiceCallSpeculationDecision.Step.Start || finishedEarly)
        {
            return;
        }
        // A decoder's partial is not its final ("along is the warranty" became "how long is the warranty"): the words
        // so far are finalised now, once per pause, and the recogniser starts a new utterance if the caller goes on.
        // The answer is then prepared for the very transcript the turn ends with.
        finishedEarly = true;
        var early = await recognizer!.FinishAsync(lifetime.Token);
        (committed, partial) = (Join(committed, early.Text), "");
        transcript = committed.Trim();
        if (!VoiceCallTurnDecision.LooksComplete(transcript))
        {
            return;
        }
        var response = new VoiceCallResponse(Guid.CreateVersion7(), Guid.CreateVersion7(), transcript, MessageCount, lifetime.Token, speculative: true);
        speculation = response;
        response.Completion = Task.Run(() => AnswerAsync(response, previous: null), CancellationToken.None);
    }

    private void DiscardSpeculation()
    {
        speculation?.Discard();
        speculation = null;
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : $"{first} {second}";

    private async Task EndTurnAsync()
    {
        var decidedAt = Stopwatch.GetTimestamp();
        var (endOfTurnMs, callerAudioMs) = VoiceCallTurnEndDecision.Timing(vadSpeaking, position, speechEnd, turnStart, SamplesPerMs);
        var final = await recognizer!.FinishAsync(lifetime.Token);
        var recognitionMs = (int)Stopwatch.GetElapsedTime(decidedAt).TotalMilliseconds;
        var text = Join(committed, final.Text).Trim();
        (inTurn, committed, partial) = (false, "", "");
        Enqueue("transcript.final", new { text, audio_start_ms = turnStart / SamplesPerMs, audio_end_ms = speechEnd / SamplesPerMs });
        var prepared = speculation;
        speculation = null;
        var previous = current;
        // A turn shorter than the barge-in minimum while the assistant spoke is a backchannel ("uh-huh"), not a question.
        var end = VoiceCallTurnEndDecision.Decide(text, previous is not null && !previous.Interrupted && previous.IsAudible(Stopwatch.GetTimestamp()),
            prepared is { Failed: false } ? prepared.Question : null);
        var adopt = end == VoiceCallTurnEnd.AdoptPrepared;
        if (!adopt)
        {
            prepared?.Discard();
        }
        if (end is VoiceCallTurnEnd.Nothing or VoiceCallTurnEnd.Backchannel)
        {
            return;
        }
        var response = adopt ? prepared! : new VoiceCallResponse(Guid.CreateVersion7(), Guid.CreateVersion7(), text, MessageCount, lifetime.Token);
        response.SpeechEndedAt = decidedAt - (long)(endOfTurnMs * (Stopwatch.Frequency / 1000.0));
        response.EndOfTurnMs = endOfTurnMs;
        response.RecognitionMs = recognitionMs;
        response.CallerAudioMs = callerAudioMs;
        current = response;
        if (adopt)
        {
            response.PreparedAheadMs = (int)Stopwatch.GetElapsedTime(response.CreatedAt, decidedAt).TotalMilliseconds;
            response.Adopt(outgoing.Writer);
        }
        else
        {
            response.Completion = Task.Run(() => AnswerAsync(response, previous), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(VoiceCallResponse response, VoiceCallResponse? previous)
    {
        var cancellation = response.Cancellation.Token;
        try
        {
            if (previous is not null)
            {
                // The previous answer must be stored (and cut to what was heard) before this question joins the history.
                await previous.Completion.ConfigureAwait(false);
                await previous.Truncation.ConfigureAwait(false);
                // Not known when its store could not be seen (Conversations failed, or slower than the truncation's
                // wait): ask, rather than guess the sequence this answer will get and later cut the wrong message.
                MessageCount = previous.Message is { } previousMessage
                    ? Math.Max(MessageCount, previousMessage.Sequence)
                    : await services.Conversations.GetMessageCountAsync(AccessToken, ConversationId, lifetime.Token);
            }
            response.BaseSequence = MessageCount;
            var sentences = Channel.CreateUnbounded<SpokenSentence>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var speaking = Task.Run(() => SpeakAsync(response, sentences.Reader, cancellation), CancellationToken.None);
            var askedAt = Stopwatch.GetTimestamp();
            // The question is asked even when the answer was already interrupted (the caller talked on while it
            // waited), and the request is only dropped once Conversations streams: it stores the turn when it sees
            // the caller gone mid-answer, but a request dropped before that (waiting for the conversation's lock)
            // would store nothing, and the caller's question would be missing from the history.
            using var upstream = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
            var streaming = 0;
            // A speculative answer that was discarded is dropped at once: nothing of it is stored either way.
            using var dropWhenStreaming = cancellation.Register(() =>
            {
                if (Volatile.Read(ref streaming) == 1 || response.Decided is { IsCompleted: true, Result: false })
                {
                    upstream.Cancel();
                }
            });
            try
            {
                var answers = response.Speculative
                    ? services.Conversations.PrepareAsync(AccessToken, ConversationId, response.Question, upstream.Token)
                    : services.Conversations.AskAsync(AccessToken, ConversationId, response.Question, upstream.Token);
                await foreach (var answer in answers)
                {
                    response.PreparedId ??= answer.PreparedId;
                    Volatile.Write(ref streaming, 1);
                    cancellation.ThrowIfCancellationRequested();
                    switch (answer.Kind)
                    {
                        case ConversationsAnswerEvent.Refs:
                            response.Sources = answer.Sources;
                            break;
                        case ConversationsAnswerEvent.Token when !string.IsNullOrEmpty(answer.Delta):
                            response.FirstTokenMs ??= (int)Stopwatch.GetElapsedTime(askedAt).TotalMilliseconds;
                            Emit(response, "response.text.delta", new { response_id = response.Id, delta = answer.Delta });
                            foreach (var sentence in response.Splitter.Append(answer.Delta))
                            {
                                sentences.Writer.TryWrite(sentence);
                            }
                            break;
                        case ConversationsAnswerEvent.End:
                            response.Message = answer.Message;
                            response.Sources = answer.Message?.Sources ?? answer.Sources ?? response.Sources;
                            break;
                    }
                }
                foreach (var sentence in response.Splitter.Flush())
                {
                    sentences.Writer.TryWrite(sentence);
                }
            }
            finally
            {
                sentences.Writer.TryComplete();
            }
            await speaking;
            if (response.Speculative)
            {
                if (!await response.Decided)
                {
                    return; // the caller went on: nothing was sent, nothing is stored
                }
                response.Message = await services.Conversations.StoreAsync(AccessToken, ConversationId, response.Question, response.PreparedId!.Value, lifetime.Token);
                cancellation.ThrowIfCancellationRequested(); // interrupted while it was stored: the truncation finishes the turn
            }
            response.Finished = true;
            if (response.Message is { } stored)
            {
                MessageCount = Math.Max(MessageCount, stored.Sequence);
            }
            if (response.AudioMs > 0)
            {
                Enqueue("response.audio.done", new { response_id = response.Id, audio_ms = response.AudioMs });
            }
            await WaitFirstAudioSentAsync(response);
            Enqueue("response.done", new
            {
                response_id = response.Id,
                status = "completed",
                message_id = response.Message?.Id,
                text = response.Message?.Content ?? response.Splitter.Text,
                sources = response.Sources,
                latency = Latency(response),
            });
            await PublishAsync(response);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            response.Finished = true;
            if (response.Speculative && response.Decided is { IsCompleted: true, Result: true } && response.Message is null && response.PreparedId is { } preparedId)
            {
                // Adopted, then interrupted: Conversations keeps what was prepared until the cut-off and stores it with
                // the question, which the truncation then cuts to what was heard.
                await StorePreparedAsync(response, preparedId);
            }
        }
        catch (Exception ex) when (ex is ConversationsException or HttpRequestException or JsonException or InvalidOperationException or IOException)
        {
            response.Finished = true;
            if (response.Speculative && !response.Decided.IsCompleted)
            {
                // Not heard yet: the turn asks the ordinary way instead.
                response.Failed = true;
                return;
            }
            services.Logger.LogWarning(ex, "Voice call {SessionId}: the answer failed", Id);
            var code = ex is ConversationsException conversations ? conversations.Code : "conversations_unavailable";
            Error(new VoiceCallError(code, "The answer could not be produced; please ask again."));
        }
    }

    private async Task StorePreparedAsync(VoiceCallResponse response, Guid preparedId)
    {
        try
        {
            response.Message = await services.Conversations.StoreAsync(AccessToken, ConversationId, response.Question, preparedId, lifetime.Token);
        }
        catch (Exception ex) when (ex is ConversationsException or HttpRequestException or JsonException or OperationCanceledException)
        {
            services.Logger.LogWarning(ex, "Voice call {SessionId}: the interrupted prepared answer could not be stored", Id);
        }
    }

    private async Task SpeakAsync(VoiceCallResponse response, ChannelReader<SpokenSentence> sentences, CancellationToken cancellation)
    {
        var frameBytes = options.AudioFrameMs * SamplesPerMs * 2;
        await foreach (var sentence in sentences.ReadAllAsync(cancellation))
        {
            var started = Stopwatch.GetTimestamp();
            var pcm = await services.Speaker.SpeakAsync(Settings.Voice, sentence.Text, cancellation);
            cancellation.ThrowIfCancellationRequested();
            if (response.AudioMs == 0)
            {
                response.SynthesisMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Emit(response, "response.audio.started", new { response_id = response.Id, sample_rate = SampleRate });
            }
            response.AddSentence(sentence, pcm.Length / 2 / SamplesPerMs);
            for (var offset = 0; offset < pcm.Length; offset += frameBytes)
            {
                var piece = pcm.AsSpan(offset, Math.Min(frameBytes, pcm.Length - offset)).ToArray();
                response.Send(new VoiceCallOutgoing(true, piece, response, piece.Length / 2 / SamplesPerMs), outgoing.Writer);
            }
        }
    }

    /// <summary>The first audio frame is usually on the wire by now; the latency in response.done should count it.</summary>
    private static async Task WaitFirstAudioSentAsync(VoiceCallResponse response)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (response.AudioMs > 0 && response.FirstAudioSentAt is null && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(5);
        }
    }

    private static object Latency(VoiceCallResponse response) => new
    {
        end_of_turn_ms = response.EndOfTurnMs,
        recognition_ms = response.RecognitionMs,
        first_token_ms = response.FirstTokenMs,
        synthesis_ms = response.SynthesisMs,
        first_audio_ms = response.FirstAudioMs,
        prepared_ahead_ms = response.PreparedAheadMs,
    };

    /// <summary>
    /// Barge-in (or <c>response.cancel</c>): the answer's queued audio is dropped at once, the client told what it
    /// played, generation upstream cancelled, and the stored answer cut to the words heard once it is stored.
    /// </summary>
    private void Interrupt(VoiceCallResponse response)
    {
        if (response.Interrupted)
        {
            return;
        }
        response.Interrupted = true;
        var playedMs = Math.Min(response.PlayedMs(Stopwatch.GetTimestamp()), response.AudioMs);
        response.Cancellation.Cancel();
        var heard = VoiceCallHeardText.Cut(response.Splitter.Text, response.Sentences, playedMs);
        Enqueue("interrupted", new { response_id = response.Id, played_ms = playedMs, heard_text = heard });
        response.Truncation = Task.Run(() => TruncateAsync(response, heard, playedMs), CancellationToken.None);
    }

    private async Task TruncateAsync(VoiceCallResponse response, string heard, int playedMs)
    {
        await response.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            var conversations = services.Conversations;
            var message = response.Message;
            var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
            // Cancelled before its end event: Conversations stores what was generated when it sees the request gone.
            // (A prepared answer is stored by the answer itself, by id: there is nothing to look for.)
            while (message is null && !response.Speculative && Stopwatch.GetTimestamp() < deadline && !lifetime.IsCancellationRequested)
            {
                message = await conversations.FindMessageAsync(AccessToken, ConversationId, response.BaseSequence + 2, lifetime.Token);
                if (message is null)
                {
                    await Task.Delay(50, lifetime.Token);
                }
            }
            if (message is null)
            {
                services.Logger.LogWarning("Voice call {SessionId}: the interrupted answer was not stored", Id);
                return;
            }
            if (VoiceCallTurnEndDecision.Truncates(message.Content, heard))
            {
                message = await conversations.TruncateAsync(AccessToken, ConversationId, message.Id, heard, lifetime.Token);
            }
            response.Message = message;
            MessageCount = Math.Max(MessageCount, message.Sequence);
            Enqueue("response.done", new
            {
                response_id = response.Id,
                status = "interrupted",
                message_id = message.Id,
                text = message.Content,
                played_ms = playedMs,
                sources = response.Sources,
                latency = Latency(response),
            });
            await PublishAsync(response);
        }
        catch (Exception ex) when (ex is ConversationsException or HttpRequestException or OperationCanceledException or JsonException)
        {
            services.Logger.LogWarning(ex, "Voice call {SessionId}: the interrupted answer could not be cut to what was heard", Id);
        }
    }

    private Task PublishAsync(VoiceCallResponse response) => services.Publisher.PublishAsync(new VoiceTurnCompleted(
        TenantId, UserId, ConversationId, Id, response.TurnId, response.CallerAudioMs, response.AudioMs,
        response.FirstAudioMs ?? -1, response.Interrupted, DateTimeOffset.UtcNow, response.Message?.Id,
        response.EndOfTurnMs, response.RecognitionMs, response.FirstTokenMs, response.SynthesisMs));

    private async Task SendLoopAsync(WebSocket webSocket, CancellationToken cancellationToken)
    {
        var reader = outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryPeek(out var item))
                {
                    if (item.IsAudio && item.Response is { } response)
                    {
                        if (response.Cancellation.IsCancellationRequested)
                        {
                            reader.TryRead(out _);
                            continue;
                        }
                        // Stay at most the lead ahead of the caller's playback, so a barge-in has little to throw away.
                        response.PlaybackStarted ??= Stopwatch.GetTimestamp();
                        var ahead = response.SentMs - Stopwatch.GetElapsedTime(response.PlaybackStarted.Value).TotalMilliseconds - options.AudioLeadMs;
                        if (ahead > 0)
                        {
                            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, response.Cancellation.Token);
                            await Task.Delay(TimeSpan.FromMilliseconds(ahead), either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                            cancellationToken.ThrowIfCancellationRequested();
                            continue;
                        }
                        await SendDirectAsync(webSocket, item.Payload, WebSocketMessageType.Binary, cancellationToken);
                        response.FirstAudioSentAt ??= Stopwatch.GetTimestamp();
                        response.SentMs += item.AudioMs;
                    }
                    else
                    {
                        await SendDirectAsync(webSocket, item.Payload, WebSocketMessageType.Text, cancellationToken);
                    }
                    reader.TryRead(out _);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended; what is still queued waits for a resume.
        }
    }

    private async Task IdleWatchdogAsync(WebSocket webSocket, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var idleMs = Stopwatch.GetElapsedTime(lastReceivedAt).TotalMilliseconds;
                if (idleMs >= options.IdleTimeoutMs)
                {
                    await SendDirectAsync(webSocket, Event("error", new VoiceCallError("idle_timeout",
                        $"Nothing was received for {options.IdleTimeoutMs / 1000} s; send audio or a ping to keep a call open.")), cancellationToken);
                    await CloseAsync(webSocket, WebSocketCloseStatus.PolicyViolation, "Idle.");
                    return;
                }
                // A call whose token Conversations no longer takes is over, as a handshake with it would be refused.
                var usableMs = (Volatile.Read(ref access).UsableUntil - DateTimeOffset.UtcNow).TotalMilliseconds;
                if (usableMs <= 0)
                {
                    await SendDirectAsync(webSocket, Event("error", new VoiceCallError("token_expired",
                        "The call's access token expired and no fresh one came; send session.auth before it expires.")), cancellationToken);
                    await CloseAsync(webSocket, WebSocketCloseStatus.PolicyViolation, "Token expired.");
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(Math.Min(options.IdleTimeoutMs - idleMs, usableMs), 50, int.MaxValue)), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended first.
        }
    }

    private void Error(VoiceCallError error) => Enqueue("error", error);

    /// <summary>An event of an answer: sent, or held while the answer is still speculative.</summary>
    private void Emit(VoiceCallResponse response, string type, object payload) =>
        response.Send(new VoiceCallOutgoing(false, Event(type, payload)), outgoing.Writer);

    private void Enqueue(string type, object payload) => outgoing.Writer.TryWrite(new VoiceCallOutgoing(false, Event(type, payload)));

    private static byte[] Event(string type, object payload) => VoiceCallEvents.Serialize(type, payload);

    private Task SendDirectAsync(WebSocket webSocket, byte[] payload, CancellationToken cancellationToken) =>
        SendDirectAsync(webSocket, payload, WebSocketMessageType.Text, cancellationToken);

    private async Task SendDirectAsync(WebSocket webSocket, byte[] payload, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await sendGate.WaitAsync(cancellationToken);
        try
        {
            await webSocket.SendAsync(payload, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>Closes with a status and reason; a connection that cannot even do that is aborted.</summary>
    public async Task CloseAsync(WebSocket webSocket, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await sendGate.WaitAsync(timeout.Token);
            try
            {
                if (webSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await webSocket.CloseOutputAsync(status, reason, timeout.Token);
                }
            }
            finally
            {
                sendGate.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            webSocket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        DiscardSpeculation();
        await lifetime.CancelAsync();
        if (current is { } response)
        {
            await response.Completion.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        outgoing.Writer.TryComplete();
        vad.Dispose();
        recognizer?.Dispose();
        lifetime.Dispose();
    }
}
