using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Speech.Bench;

/// <summary>One generated utterance: which voice said it, what it says, and the 16 kHz audio.</summary>
internal sealed record BenchClip(string Voice, string Text, AudioClip Audio);
