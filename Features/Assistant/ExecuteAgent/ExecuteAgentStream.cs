using System.Net.ServerSentEvents;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>How a run's events reach a client: the finished run as JSON, or every event as a server-sent event.</summary>
public static class ExecuteAgentStream
{
    public const string PlanEvent = "plan";
    public const string StepEvent = "step";
    public const string EndEvent = "end";

    public static async Task<ExecuteAgentRun> CollectAsync(IAsyncEnumerable<ExecuteAgentEvent> events)
    {
        await foreach (var @event in events)
        {
            if (@event is ExecuteAgentFinished finished)
            {
                return finished.Run;
            }
        }
        throw new InvalidOperationException("The agent run ended without its result.");
    }

    public static async IAsyncEnumerable<SseItem<object>> ToSseAsync(IAsyncEnumerable<ExecuteAgentEvent> events)
    {
        await foreach (var @event in events)
        {
            yield return @event switch
            {
                ExecuteAgentPlanned planned => new SseItem<object>(new { task_id = planned.TaskId, plan = planned.Plan }, PlanEvent),
                ExecuteAgentStepped stepped => new SseItem<object>(stepped.Step, StepEvent),
                ExecuteAgentFinished finished => new SseItem<object>(finished.Run, EndEvent),
                _ => throw new ArgumentOutOfRangeException(nameof(events), @event, "Not an agent event."),
            };
        }
    }
}
