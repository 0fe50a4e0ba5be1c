namespace VoiceHelper.Contracts.Api;

/// <summary>The data of a <see cref="RagStreamEvents.Token"/> event: the next piece of the answer.</summary>
public sealed record RagToken(string Delta);
