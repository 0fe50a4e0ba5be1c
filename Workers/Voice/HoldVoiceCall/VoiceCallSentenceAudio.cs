using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>Where a spoken sentence's audio sits in the answer's audio: <c>[StartMs, EndMs)</c> from the first answer sample.</summary>
public sealed record VoiceCallSentenceAudio(SpokenSentence Sentence, int StartMs, int EndMs);
