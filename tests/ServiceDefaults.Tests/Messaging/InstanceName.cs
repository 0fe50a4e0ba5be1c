namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Which test host (consumer instance) handled an event.</summary>
public sealed record InstanceName(string Value);
