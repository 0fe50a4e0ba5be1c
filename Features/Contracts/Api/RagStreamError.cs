namespace VoiceHelper.Contracts.Api;

/// <summary>The data of an <see cref="RagStreamEvents.Error"/> event: the stable error code and a readable detail.</summary>
public sealed record RagStreamError(string Code, string Detail);
