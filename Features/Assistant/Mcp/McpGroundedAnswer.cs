using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Mcp;

/// <summary>What <c>grounded_answer</c> returns: the answer, citing <c>[n]</c>, and the sources those numbers point at.</summary>
public sealed record McpGroundedAnswer(string Answer, IReadOnlyList<RagSource> Sources, string Model);
