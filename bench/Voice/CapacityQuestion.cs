namespace VoiceHelper.Voice.Bench;

/// <summary>A question as the caller process gets it: its text and its spoken clip (16 kHz float32, little-endian).</summary>
internal sealed record CapacityQuestion(string Text, string ClipPath);
