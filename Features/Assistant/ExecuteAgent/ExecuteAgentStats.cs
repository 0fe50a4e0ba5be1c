namespace VoiceHelper.Assistant.ExecuteAgent;

/// <param name="Planner">The model that drove the run, or <c>deterministic</c> without one.</param>
public sealed record ExecuteAgentStats(
    int Steps,
    int ToolCalls,
    int CachedToolCalls,
    int FailedToolCalls,
    int ModelCalls,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    double DurationMs,
    string Planner);
