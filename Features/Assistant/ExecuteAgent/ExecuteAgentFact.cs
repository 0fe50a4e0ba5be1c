namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>A sentence from the knowledge base that answers a lookup, its document, and the figure in it (if any).</summary>
public sealed record ExecuteAgentFact(string Title, string Sentence, decimal? Figure);
