namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>The task shapes the deterministic planner (no chat model) can carry out.</summary>
public enum ExecuteAgentShape
{
    Unsupported,
    Compute,
    CurrentTime,
    Fetch,
    LookupThenCompute,
    LookupAndCompare,
}
