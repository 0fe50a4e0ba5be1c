using System.Diagnostics;
using System.Text;
using System.Text.Json;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>What a run has so far; the loops add to it, the handler turns it into the response.</summary>
public sealed class ExecuteAgentState(Guid taskId, ExecuteAgentBody body, Guid tenantId, long started, string planner)
{
    public const string Deterministic = "deterministic";

    public Guid TaskId { get; } = taskId;
    public ExecuteAgentBody Body { get; } = body;
    public Guid TenantId { get; } = tenantId;
    public long Started { get; } = started;
    public List<string> Plan { get; } = [];
    public List<ExecuteAgentStep> Steps { get; } = [];
    public string? Status { get; private set; }
    public string FinalResult { get; private set; } = "";
    public int ModelCalls { get; set; }
    public long InputTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public decimal CostUsd { get; private set; }

    /// <summary>The model that gave the last response, and whether any response came from a fallback.</summary>
    public ChatModel? Model { get; private set; }
    public bool FallbackUsed { get; private set; }

    public void Answered(ChatModel model, long inputTokens, long outputTokens, decimal costUsd, bool fallback)
    {
        (Model, InputTokens, OutputTokens, CostUsd) = (model, InputTokens + inputTokens, OutputTokens + outputTokens, CostUsd + costUsd);
        FallbackUsed |= fallback;
    }

    public bool StepLimitReached => Steps.Count >= Body.MaxSteps;

    public ExecuteAgentStep AddStep(string? thought, IReadOnlyList<AgentToolCall> calls)
    {
        var step = new ExecuteAgentStep(Steps.Count + 1, thought, calls);
        Steps.Add(step);
        return step;
    }

    public void Finish(string status, string finalResult) => (Status, FinalResult) = (status, finalResult);

    public void FinishAtStepLimit() => Finish(ExecuteAgentStatuses.StepLimit,
        Partial(Steps, $"The run stopped at its limit of {Body.MaxSteps} step(s) before the task was finished."));

    public ExecuteAgentRun ToRun()
    {
        var calls = Steps.SelectMany(s => s.ToolCalls).ToList();
        return new ExecuteAgentRun(TaskId, Body.Task!, Status ?? ExecuteAgentStatuses.Failed, Body.Mode, Plan, Steps, FinalResult,
            new ExecuteAgentStats(Steps.Count, calls.Count, calls.Count(c => c.Cached), calls.Count(c => c.Error is not null), ModelCalls,
                InputTokens, OutputTokens, CostUsd, Math.Round(Stopwatch.GetElapsedTime(Started).TotalMilliseconds, 1), planner));
    }

    /// <summary>A stopped run's result: why it stopped, and the observations it had gathered, quoted, not interpreted.</summary>
    public static string Partial(IReadOnlyList<ExecuteAgentStep> steps, string reason)
    {
        var text = new StringBuilder(reason);
        var observed = steps.SelectMany(s => s.ToolCalls).TakeLast(5).ToList();
        if (observed.Count == 0)
        {
            return text.Append(" No tool had returned anything yet.").ToString();
        }
        text.Append(" Observations so far:");
        foreach (var call in observed)
        {
            var observation = call.Error is not null ? "error: " + call.Error : JsonSerializer.Serialize(call.Result);
            text.Append($"\n- {call.Tool}: {(observation.Length > 300 ? observation[..300] + "…" : observation)}");
        }
        return text.ToString();
    }
}
