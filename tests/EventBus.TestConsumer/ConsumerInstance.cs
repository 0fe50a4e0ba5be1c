namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>Which process or host handled an event, recorded with each effect.</summary>
public sealed record ConsumerInstance(string Name);
