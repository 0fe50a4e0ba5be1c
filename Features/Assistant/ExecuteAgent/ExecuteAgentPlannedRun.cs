using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// The agent without a chat model: carries out <see cref="ExecuteAgentPlanner"/>'s plan with the same tools, steps,
/// limits and cache as the model loop. Every figure in its answer is quoted from a tool's observation with its source; a
/// figure the knowledge base does not hold is reported missing, never invented.
/// </summary>
public sealed class ExecuteAgentPlannedRun(AgentToolRunner runner, IReadOnlyDictionary<string, AgentTool> tools, ExecuteAgentState run)
{
    public async IAsyncEnumerable<ExecuteAgentEvent> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var plan = ExecuteAgentPlanner.Plan(run.Body.Task!, tools.Keys.ToList());
        run.Plan.AddRange(plan.Plan);
        if (plan.Shape == ExecuteAgentShape.Unsupported)
        {
            run.Finish(ExecuteAgentStatuses.Unsupported, plan.Refusal!);
            yield break;
        }
        yield return new ExecuteAgentPlanned(run.TaskId, run.Plan);

        switch (plan.Shape)
        {
            case ExecuteAgentShape.Compute:
            case ExecuteAgentShape.CurrentTime:
            case ExecuteAgentShape.Fetch:
            {
                var (tool, arguments, thought) = plan.Shape switch
                {
                    ExecuteAgentShape.Compute => (AgentToolNames.Calculator, Args("expression", plan.Expression!), "Evaluate the expression."),
                    ExecuteAgentShape.Fetch => (AgentToolNames.HttpGet, Args("url", plan.Url!), "Fetch the URL."),
                    _ => (AgentToolNames.CurrentTime, Args(), "Read the clock."),
                };
                var step = await StepAsync(thought, [(tool, arguments)], cancellationToken);
                if (step is null)
                {
                    yield break;
                }
                yield return new ExecuteAgentStepped(step);
                run.Finish(ExecuteAgentStatuses.Completed, Single(plan, step.ToolCalls[0]));
                yield break;
            }
            case ExecuteAgentShape.LookupThenCompute:
            {
                var lookup = plan.Lookups[0];
                var search = await StepAsync($"Look up {lookup}.", [(AgentToolNames.KnowledgeSearch, Args("query", lookup))], cancellationToken);
                if (search is null)
                {
                    yield break;
                }
                yield return new ExecuteAgentStepped(search);
                var fact = ExecuteAgentFacts.Find(lookup, search.ToolCalls[0].Result, wantFigure: true);
                if (fact?.Figure is not { } figure)
                {
                    run.Finish(ExecuteAgentStatuses.Completed, NotFound(lookup, search.ToolCalls[0], fact) + " So I cannot compute with it.");
                    yield break;
                }
                var expression = string.Format(CultureInfo.InvariantCulture, plan.Expression!, Show(figure));
                var compute = await StepAsync($"Compute {expression}.", [(AgentToolNames.Calculator, Args("expression", expression))], cancellationToken);
                if (compute is null)
                {
                    yield break;
                }
                yield return new ExecuteAgentStepped(compute);
                var value = Value(compute.ToolCalls[0]);
                run.Finish(ExecuteAgentStatuses.Completed, value is null
                    ? $"{Quote(lookup, fact)} Computing {expression} failed: {compute.ToolCalls[0].Error}."
                    : $"{Quote(lookup, fact)} {expression} = {value}.");
                yield break;
            }
            case ExecuteAgentShape.LookupAndCompare:
            {
                var (a, b) = (plan.Lookups[0], plan.Lookups[1]);
                var search = await StepAsync($"Look up {a} and {b}.",
                    [(AgentToolNames.KnowledgeSearch, Args("query", a)), (AgentToolNames.KnowledgeSearch, Args("query", b))], cancellationToken);
                if (search is null)
                {
                    yield break;
                }
                yield return new ExecuteAgentStepped(search);
                var factA = ExecuteAgentFacts.Find(a, search.ToolCalls[0].Result, wantFigure: true);
                var factB = ExecuteAgentFacts.Find(b, search.ToolCalls[1].Result, wantFigure: true);
                if (factA is null || factB is null)
                {
                    run.Finish(ExecuteAgentStatuses.Completed, string.Join(" ",
                        factA is null ? NotFound(a, search.ToolCalls[0], null) : Quote(a, factA),
                        factB is null ? NotFound(b, search.ToolCalls[1], null) : Quote(b, factB),
                        "Without both facts I cannot compare them."));
                    yield break;
                }
                if (factA.Figure is not { } x || factB.Figure is not { } y)
                {
                    run.Finish(ExecuteAgentStatuses.Completed, $"{Quote(a, factA)} {Quote(b, factB)} These are not both figures, and judging "
                        + "between them needs a chat model, which is not configured; the two facts are quoted as found.");
                    yield break;
                }
                var expression = $"{Show(x)} - {Show(y)}";
                var compute = await StepAsync($"Compute the difference {expression}.", [(AgentToolNames.Calculator, Args("expression", expression))], cancellationToken);
                if (compute is null)
                {
                    yield break;
                }
                yield return new ExecuteAgentStepped(compute);
                run.Finish(ExecuteAgentStatuses.Completed, $"{Quote(a, factA)} {Quote(b, factB)} {Comparison(a, x, b, y, Value(compute.ToolCalls[0]))}");
                yield break;
            }
        }
    }

    /// <summary>One step's calls, run in parallel; null when the step limit stops the run first or its time ran out.</summary>
    private async Task<ExecuteAgentStep?> StepAsync(string thought, IReadOnlyList<(string Tool, Dictionary<string, object?> Arguments)> calls,
        CancellationToken cancellationToken)
    {
        if (run.StepLimitReached)
        {
            run.FinishAtStepLimit();
            return null;
        }
        try
        {
            var index = run.Steps.Count + 1;
            var observed = await runner.RunAsync(run.TenantId, tools,
                calls.Select((c, i) => new AgentToolRunner.Call($"step{index}-{i + 1}", c.Tool, c.Arguments)).ToList(), cancellationToken);
            return run.AddStep(thought, observed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static Dictionary<string, object?> Args(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => (object?)JsonSerializer.SerializeToElement(pairs[2 * i + 1]));

    private static string? Value(AgentToolCall call) =>
        call.Result is { ValueKind: JsonValueKind.Object } result && result.TryGetProperty("value", out var value) ? value.GetString() : null;

    private static string Single(ExecuteAgentPlan plan, AgentToolCall call)
    {
        if (call.Error is not null)
        {
            return $"The {call.Tool} tool did not give a result: {call.Error}.";
        }
        var result = call.Result!.Value;
        return plan.Shape switch
        {
            ExecuteAgentShape.Compute => $"{plan.Expression} = {Value(call)}.",
            ExecuteAgentShape.CurrentTime => $"It is {result.GetProperty("now").GetString()} ({result.GetProperty("time_zone").GetString()}).",
            _ => $"{result.GetProperty("url").GetString()} answered {result.GetProperty("status").GetInt32()} "
                + $"({result.GetProperty("content_type").GetString() ?? "no content type"}); its text is in the step's observation.",
        };
    }

    private static string Quote(string lookup, ExecuteAgentFact fact) =>
        $"{Capitalise(lookup)}: {(fact.Figure is { } f ? Show(f) : "see the quote")} (\"{fact.Sentence}\" — {fact.Title}).";

    private static string NotFound(string lookup, AgentToolCall search, ExecuteAgentFact? closest) =>
        search.Error is not null
            ? $"I could not look up {lookup}: {search.Error}."
            : closest is null
                ? $"I found nothing about {lookup} in the knowledge base."
                : $"I found no figure for {lookup} in the knowledge base; the closest passage says: \"{closest.Sentence}\" ({closest.Title}).";

    private static string Comparison(string a, decimal x, string b, decimal y, string? difference) =>
        x == y ? $"They are the same ({Show(x)})."
            : x > y ? $"{Capitalise(a)} is higher than {b} by {difference ?? Show(x - y)}."
            : $"{Capitalise(a)} is lower than {b} by {difference?.TrimStart('-') ?? Show(y - x)}.";

    /// <summary>A figure as a calculator reads it: 12.50 is 12.5.</summary>
    private static string Show(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
