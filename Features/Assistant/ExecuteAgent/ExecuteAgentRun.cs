namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>The response of <c>POST /api/v1/agent/execute</c> (and the <c>end</c> event of its stream).</summary>
public sealed record ExecuteAgentRun(
    Guid TaskId,
    string Task,
    string Status,
    string Mode,
    IReadOnlyList<string> Plan,
    IReadOnlyList<ExecuteAgentStep> Steps,
    string FinalResult,
    ExecuteAgentStats Stats);
