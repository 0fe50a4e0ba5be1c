namespace VoiceHelper.Voice.Bench;

/// <summary>What the caller process hands back: every turn, and its own CPU over the measured window.</summary>
internal sealed record CapacityOutcome(IReadOnlyList<CapacityTurn> Turns, double CallerCpuMs, double WindowMs, int CallsConnected);
