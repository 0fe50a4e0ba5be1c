using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>One step: what the agent said it was doing (the model's text, or the planner's), and the tool calls it made in parallel.</summary>
public sealed record ExecuteAgentStep(int Index, string? Thought, IReadOnlyList<AgentToolCall> ToolCalls);
