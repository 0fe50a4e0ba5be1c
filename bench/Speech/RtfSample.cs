namespace VoiceHelper.Speech.Bench;

/// <summary>Seconds of wall time and of process CPU time per second of audio.</summary>
internal readonly record struct RtfSample(double Wall, double Cpu);
