namespace VoiceHelper.EventBus.Bench;

internal sealed record BenchInstance(string Name);
