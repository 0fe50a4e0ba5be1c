using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>An expected failure (knowledge base not found, Knowledge throttled or down), always the first and only event.</summary>
public sealed record QueryRagFailed(Error Error) : QueryRagEvent;
