namespace VoiceHelper.Contracts.Api;

/// <summary>The data of a <see cref="RagStreamEvents.Refs"/> event: the sources the answer may cite (none cited yet).</summary>
public sealed record RagRefs(IReadOnlyList<RagSource> Sources);
