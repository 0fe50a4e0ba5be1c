namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>A piece of synthesized speech: PCM16 little-endian mono at the synthesizer's rate.</summary>
public sealed record SynthesisChunk(int SentenceIndex, byte[] Pcm16, bool EndOfSentence);
