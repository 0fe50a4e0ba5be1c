using System.Text.Json;

namespace VoiceHelper.Assistant.Agent;

/// <summary>One tool call of a step and its observation: a result, or the error the agent saw instead.</summary>
public sealed record AgentToolCall(string Id, string Tool, JsonElement Arguments, JsonElement? Result, string? Error, bool Cached, double DurationMs);
