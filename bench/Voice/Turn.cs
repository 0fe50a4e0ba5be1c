using VoiceHelper.Assistant.Bench;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// One measured turn; <see cref="FirstAudioMs"/> is null when it got no answer in time. <see cref="PreparedAheadMs"/> &gt; 0: the
/// answer was prepared from the stable transcript that long before the turn ended (its first token and synthesis overlap the wait).
/// </summary>
internal sealed record Turn(DevQuestion Question, string Transcript, string Answer, int? FirstAudioMs, int EndOfTurnMs, int RecognitionMs,
    int FirstTokenMs, int SynthesisMs, int TranscriptLagMs, int PreparedAheadMs = 0);
