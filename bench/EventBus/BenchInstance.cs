namespace VoiceHelper.EventBus.Bench;

/// <summary>Which consumer host handled an event.</summary>
public sealed record BenchInstance(string Name);
