using VoiceHelper.Assistant.Bench;

namespace VoiceHelper.Voice.Bench;

/// <summary>One measured turn; <see cref="FirstAudioMs"/> is null when it got no answer in time.</summary>
internal sealed record Turn(DevQuestion Question, string Transcript, string Answer, int? FirstAudioMs, int EndOfTurnMs, int RecognitionMs,
    int FirstTokenMs, int SynthesisMs, int TranscriptLagMs);
