using System.Diagnostics;
using System.Text.Json;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// One answer being generated, spoken and played: its text so far, where each sentence sits in its audio, how much
/// the client reports having played, and the times that make up the latency breakdown.
/// </summary>
public sealed class VoiceCallResponse(Guid id, Guid turnId, string question, long baseSequence, CancellationToken session)
{
    private readonly Lock sync = new();
    private readonly List<VoiceCallSentenceAudio> sentences = [];

    public Guid Id { get; } = id;

    public Guid TurnId { get; } = turnId;

    public string Question { get; } = question;

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

    public long SpeechEndedAt { get; init; }

    public int EndOfTurnMs { get; init; }

    public int RecognitionMs { get; init; }

    public int CallerAudioMs { get; init; }

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
