namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>How a run ended. step_limit and timeout are partial results, not errors.</summary>
public static class ExecuteAgentStatuses
{
    public const string Completed = "completed";
    public const string StepLimit = "step_limit";
    public const string Timeout = "timeout";

    /// <summary>The model could not be reached (every configured model failed).</summary>
    public const string Failed = "failed";

    /// <summary>The tenant's monthly budget was spent part-way through the run (a run refused before it starts is a 429).</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>No chat model is configured and the task is not a shape the deterministic planner handles.</summary>
    public const string Unsupported = "unsupported";
}
