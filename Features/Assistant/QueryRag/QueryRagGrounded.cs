using VoiceHelper.Assistant.Models;


namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The ground stage's outcome: the answer that stands, the model call that made it, and what all calls cost.</summary>
public sealed record QueryRagGrounded(string Answer, RoutedAnswer Routed, long TokensUsed, decimal CostUsd, bool Checked, bool SelfRagTriggered);
