namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// What the deterministic planner decided: the shape, its inputs (the lookups, the arithmetic to apply to the looked-up
/// figure as <c>{0} * 3</c>, the expression, the URL), the plan as the response shows it, and for an unsupported task
/// why not.
/// </summary>
public sealed record ExecuteAgentPlan(
    ExecuteAgentShape Shape,
    IReadOnlyList<string> Plan,
    IReadOnlyList<string> Lookups,
    string? Expression = null,
    string? Url = null,
    string? Refusal = null);
