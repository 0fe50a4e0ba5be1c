using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// Runs one step's tool calls: independent calls run in parallel; each call's arguments are checked against the tool's
/// schema; a cached result is reused; a tool that fails or refuses gives an error observation, never an exception that
/// ends the run (only the run's own cancellation, its timeout, does).
/// </summary>
public sealed class AgentToolRunner(AgentToolCache cache, ILogger<AgentToolRunner> logger)
{
    public record struct Call(string Id, string Tool, IDictionary<string, object?>? Arguments);

    public Task<AgentToolCall[]> RunAsync(Guid tenantId, IReadOnlyDictionary<string, AgentTool> tools, IReadOnlyList<Call> calls,
        CancellationToken cancellationToken) =>
        Task.WhenAll(calls.Select(call => RunOneAsync(tenantId, tools, call, cancellationToken)));

    private async Task<AgentToolCall> RunOneAsync(Guid tenantId, IReadOnlyDictionary<string, AgentTool> tools, Call call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var arguments = JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>());
        AgentToolCall Done(JsonElement? result, string? error, bool cached = false) =>
            new(call.Id, call.Tool, arguments, result, error, cached, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2));

        if (!tools.TryGetValue(call.Tool, out var tool))
        {
            return Done(null, $"there is no tool named '{call.Tool}' in this run");
        }
        if (AgentToolArguments.Problem(tool.Function.JsonSchema, call.Arguments) is { } problem)
        {
            return Done(null, $"invalid arguments: {problem}");
        }
        var key = tool.CacheFor is null ? null : AgentToolCache.Key(tenantId, tool.Name, AgentToolCache.Canonical(call.Arguments));
        if (key is not null && await cache.GetAsync(key) is { } hit)
        {
            return Done(hit, null, cached: true);
        }
        JsonElement result;
        try
        {
            var value = await tool.Function.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken);
            result = value switch
            {
                JsonElement element => element,
                null => JsonSerializer.SerializeToElement<object?>(null),
                _ => JsonSerializer.SerializeToElement(value, value.GetType(), AIJsonUtilities.DefaultOptions),
            };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Tool {Tool} failed: {Error}", call.Tool, exception.Message);
            return Done(null, $"the tool failed: {exception.Message}");
        }
        // A tool that answered with an error (refused, unavailable) is asked again next time.
        var failed = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("error", out _);
        if (key is not null && !failed)
        {
            await cache.StoreAsync(key, result, tool.CacheFor!.Value);
        }
        return Done(result, failed ? result.GetProperty("error").ToString() : null);
    }
}
