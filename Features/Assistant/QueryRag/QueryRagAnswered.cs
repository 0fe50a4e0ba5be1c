using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The final answer; its text wins over the deltas (the self-check may have removed sentences already streamed).</summary>
public sealed record QueryRagAnswered(RagAnswer Answer) : QueryRagEvent;
