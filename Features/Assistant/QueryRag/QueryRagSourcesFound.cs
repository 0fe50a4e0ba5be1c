using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The sources the answer may cite, before it is written (none is marked cited yet).</summary>
public sealed record QueryRagSourcesFound(IReadOnlyList<RagSource> Sources) : QueryRagEvent;
