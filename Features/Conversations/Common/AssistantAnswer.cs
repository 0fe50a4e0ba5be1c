using System.Text.Json;

namespace VoiceHelper.Conversations.Common;

/// <summary>What Conversations keeps of an Assistant answer; other fields of the response are ignored.</summary>
public sealed record AssistantAnswer(
    string Answer,
    JsonElement? Sources = null,
    AssistantMetrics? Metrics = null,
    string? Model = null,
    bool FallbackUsed = false);
