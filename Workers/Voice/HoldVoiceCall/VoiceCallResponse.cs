using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// One answer being generated, spoken and played: its text so far, where each sentence sits in its audio, how much
/// the client reports having played, and the times that make up the latency breakdown. A speculative answer (started
/// from a stable partial transcript before the turn ended) holds everything it would send until the turn is confirmed
/// with the same words (<see cref="Adopt"/>), or is discarded unheard.
/// </summary>
public sealed class VoiceCallResponse(Guid id, Guid turnId, string question, long baseSequence, CancellationToken session, bool speculative = false)
{
    private readonly Lock sync = new();
    private readonly List<VoiceCallSentenceAudio> sentences = [];
    private List<VoiceCallOutgoing>? held = speculative ? [] : null;
    private readonly TaskCompletionSource<bool> decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid Id { get; } = id;

    public Guid TurnId { get; } = turnId;

    public string Question { get; } = question;

    /// <summary>Prepared before the turn ended (Conversations' PrepareAnswer), stored by id once adopted.</summary>
    public bool Speculative { get; } = speculative;

    /// <summary>The prepared answer's id in Conversations, once it announced it.</summary>
    public Guid? PreparedId { get; set; }

    /// <summary>True once the turn confirmed this answer, false once it was discarded; settled at once for an ordinary answer.</summary>
    public Task<bool> Decided => Speculative ? decided.Task : Task.FromResult(true);

    /// <summary>Set when a speculative answer could not be prepared: the turn then asks the ordinary way.</summary>
    public bool Failed { get; set; }

    /// <summary>
    /// The conversation's last sequence before this turn: the answer will be stored at <c>+2</c>. Settled when the
    /// previous answer is stored and cut, just before this question is asked.
    /// </summary>
    public long BaseSequence { get; set; } = baseSequence;

    public CancellationTokenSource Cancellation { get; } = CancellationTokenSource.CreateLinkedTokenSource(session);

    public SentenceSplitter Splitter { get; } = new();

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Set once the stored message is cut to what was heard (or nothing needed cutting).</summary>
    public Task Truncation { get; set; } = Task.CompletedTask;

    public ConversationsMessage? Message { get; set; }

    public JsonElement? Sources { get; set; }

    public bool Interrupted { get; set; }

    public bool Finished { get; set; }

    /// <summary>Audio queued for the caller so far, in milliseconds.</summary>
    public int AudioMs { get; private set; }

    /// <summary>Audio actually sent so far; the sender paces it against <see cref="PlaybackStarted"/>.</summary>
    public int SentMs { get; set; }

    public long? PlaybackStarted { get; set; }

    public int? PlayedMarkMs { get; set; }

    public long SpeechEndedAt { get; set; }

    public int EndOfTurnMs { get; set; }

    public int RecognitionMs { get; set; }

    public int CallerAudioMs { get; set; }

    public long CreatedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>How long before the end of the turn was decided a speculative answer started; 0 for an ordinary one.</summary>
    public int PreparedAheadMs { get; set; }

    public int? FirstTokenMs { get; set; }

    public int? SynthesisMs { get; set; }

    public long? FirstAudioSentAt { get; set; }

    public IReadOnlyList<VoiceCallSentenceAudio> Sentences
    {
        get
        {
            lock (sync)
            {
                return [.. sentences];
            }
        }
    }

    /// <summary>Sends an event or audio frame of this answer, or holds it while the answer is speculative.</summary>
    public void Send(VoiceCallOutgoing item, ChannelWriter<VoiceCallOutgoing> outgoing)
    {
        lock (sync)
        {
            if (held is null)
            {
                outgoing.TryWrite(item);
            }
            else
            {
                held.Add(item);
            }
        }
    }

    /// <summary>The turn confirmed this speculative answer: what it held goes out in order, and what follows goes out directly.</summary>
    public void Adopt(ChannelWriter<VoiceCallOutgoing> outgoing)
    {
        lock (sync)
        {
            foreach (var item in held ?? [])
            {
                outgoing.TryWrite(item);
            }
            held = null;
        }
        decided.TrySetResult(true);
    }

    /// <summary>The caller went on (or said something else): nothing of this answer is sent or stored.</summary>
    public void Discard()
    {
        lock (sync)
        {
            held?.Clear();
        }
        if (decided.TrySetResult(false))
        {
            Cancellation.Cancel();
        }
    }

    public void AddSentence(SpokenSentence sentence, int audioMs)
    {
        lock (sync)
        {
            sentences.Add(new VoiceCallSentenceAudio(sentence, AudioMs, AudioMs + audioMs));
            AudioMs += audioMs;
        }
    }

    /// <summary>What the caller has played: the client's last mark, else what was sent and could have played by now.</summary>
    public int PlayedMs(long now)
    {
        if (PlayedMarkMs is { } mark)
        {
            return mark;
        }
        if (PlaybackStarted is not { } started)
        {
            return 0;
        }
        return (int)Math.Min(SentMs, Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
    }

    /// <summary>True while the caller may still be hearing this answer (or is about to).</summary>
    public bool IsAudible(long now) =>
        !Interrupted && (!Finished || PlaybackStarted is { } started && Stopwatch.GetElapsedTime(started, now).TotalMilliseconds < AudioMs + 200);

    /// <summary>End of the caller's speech to the first answer audio sent.</summary>
    public int? FirstAudioMs => FirstAudioSentAt is { } sent ? (int)Stopwatch.GetElapsedTime(SpeechEndedAt, sent).TotalMilliseconds : null;
}
