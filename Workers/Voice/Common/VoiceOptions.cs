namespace VoiceHelper.Voice.Common;

/// <summary>Voice calls and queries (section <c>Voice</c>). Durations in milliseconds unless named otherwise.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>The Conversations service; a bare service name resolves through service discovery.</summary>
    public Uri ConversationsAddress { get; set; } = new("http://conversations");

    /// <summary>Silence that ends a turn whose transcript reads as complete ("... my order?").</summary>
    public int EndOfTurnSilenceMs { get; set; } = 250;

    /// <summary>
    /// Prepare the answer from the partial transcript as soon as the caller stops on a complete-sounding question, so
    /// that it is ready when the end-of-turn silence confirms the turn; discarded unheard and unstored if the caller goes on.
    /// </summary>
    public bool SpeculativeAnswers { get; set; } = true;

    /// <summary>The ceiling: the longest silence waited for a turn that trails off ("and ...", "um").</summary>
    public int MaxEndOfTurnSilenceMs { get; set; } = 1200;

    /// <summary>A turn is cut at this length whatever the caller does.</summary>
    public int MaxTurnMs { get; set; } = 30_000;

    /// <summary>Caller speech shorter than this does not interrupt the assistant (a cough, "uh-huh").</summary>
    public int MinBargeInMs { get; set; } = 250;

    public float VadThreshold { get; set; } = 0.5f;

    /// <summary>Silero's own closing silence for calls; the end-of-turn wait comes on top of it.</summary>
    public int VadMinSilenceMs { get; set; } = 100;

    /// <summary>Silero's shortest speech burst for calls.</summary>
    public int VadMinSpeechMs { get; set; } = 100;

    /// <summary>Largest WebSocket message accepted (binary: 1 s of audio is 32,000 bytes); larger closes with 1009.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    public int MaxTextFrameBytes { get; set; } = 16 * 1024;

    /// <summary>Open calls per tenant; one more is closed with 1013 (try again later).</summary>
    public int MaxSessionsPerTenant { get; set; } = 20;

    /// <summary>A connection that sends nothing (no audio, no ping) for this long is closed with 1008.</summary>
    public int IdleTimeoutMs { get; set; } = 30_000;

    /// <summary>How long a dropped call waits for its client to come back with its session id.</summary>
    public int ResumeWindowMs { get; set; } = 30_000;

    /// <summary>Audio a client may send ahead of real time (buffered microphones); beyond it frames are refused.</summary>
    public int MaxAudioAheadMs { get; set; } = 2_000;

    /// <summary>Answer audio sent ahead of the caller's playback: enough to ride out jitter, little to throw away on barge-in.</summary>
    public int AudioLeadMs { get; set; } = 400;

    /// <summary>Length of one outgoing audio frame; barge-in stops audio at a frame boundary.</summary>
    public int AudioFrameMs { get; set; } = 40;

    /// <summary>Phrases up to this length are kept in the synthesis cache.</summary>
    public int CachedPhraseMaxChars { get; set; } = 80;

    public int SynthesisCacheEntries { get; set; } = 256;

    /// <summary>Largest WAV accepted by POST /api/v1/voice/query.</summary>
    public int MaxQueryAudioBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest question accepted by POST /api/v1/voice/query.</summary>
    public int MaxQuerySeconds { get; set; } = 60;

    /// <summary>The pico2wave program (Debian libttspico-utils); English voice when present.</summary>
    public string PicoProgram { get; set; } = "/usr/bin/pico2wave";

    /// <summary>The flite program (Debian flite); the default English voice when present.</summary>
    public string FliteProgram { get; set; } = "/usr/bin/flite";
}
