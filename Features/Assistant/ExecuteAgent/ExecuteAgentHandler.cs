using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Text;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Models;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// Loads the tenant's allow-list and MCP servers, decides which tools the run has (an unknown name is a 400), routes and
/// admits the run like a grounded answer (the tenant's models and strategy, a spent budget is a 429), then runs: with a
/// chat model, the model calls the tools natively (a step is one model turn and its tool calls, run in parallel);
/// without one, the deterministic planner. The step limit and the timeout end a run with what it has so far. What the
/// model calls cost is recorded as usage (usage.recorded) when the run ends. Nothing runs until the events are read.
/// </summary>
public sealed class ExecuteAgentHandler(
    AgentDbContext db,
    AgentToolbox toolbox,
    AgentToolRunner runner,
    TenantRouter routing,
    BudgetLedger ledger,
    ModelHealth health,
    UsageRecorder usage,
    ITenantContext tenant,
    ILoggerFactory loggers,
    IOptions<JsonOptions> json,
    TimeProvider clock) : IRequestHandler<ExecuteAgentRequest, Result<IAsyncEnumerable<ExecuteAgentEvent>>>
{
    public async Task<Result<IAsyncEnumerable<ExecuteAgentEvent>>> Handle(ExecuteAgentRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var hosts = await db.AllowedHosts.AsNoTracking().ToListAsync(cancellationToken);
        var servers = await db.McpServers.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

        var (unknown, wantedServers) = ExecuteAgentTools.Resolve(body.Tools, servers.Select(s => s.Name).ToList());
        if (unknown.Count > 0)
        {
            return AgentErrors.UnknownTool(unknown);
        }
        // Admitted before any connection is opened: a spent budget is an ordinary 429 with Retry-After.
        var planned = await routing.PlanAsync(TokenEstimate.Count(ExecuteAgentModelLoop.SystemPrompt + body.Task),
            RagQueryComplexity.Moderate, null, cancellationToken);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }
        var plan = planned.Value!;
        var policy = new TenantNetworkPolicy(hosts);
        AgentMcpConnection mcp;
        try
        {
            mcp = await AgentMcpConnection.ConnectAsync(servers.Where(s => wantedServers.Contains(s.Name)), policy, loggers, cancellationToken);
        }
        catch (OperationCanceledException) when (plan.Reservation is { } abandoned)
        {
            // The caller went away while the servers were connected: nothing ran, nothing is spent.
            await ledger.SettleAsync(abandoned, 0);
            throw;
        }
        var http = TenantHttp.CreateClient(policy, AgentToolbox.HttpTimeout);
        var tools = toolbox.Create(body.KbIds ?? [], http).Concat(mcp.Tools)
            .Where(t => body.Tools is null || body.Tools.Contains(t.Name))
            .ToDictionary(t => t.Name);
        // A server the caller named a tool of must answer; one merely offered (tools omitted) may be down.
        if (body.Tools is not null)
        {
            if (mcp.Unavailable.FirstOrDefault(u => body.Tools.Any(t => t.StartsWith(u.Key + AgentToolNames.McpSeparator, StringComparison.Ordinal))) is
                { Key: { } down } failed)
            {
                await ReleaseAsync(plan, mcp, http);
                return AgentErrors.McpServerUnavailable(down, failed.Value);
            }
            if (body.Tools.Where(t => !tools.ContainsKey(t)).ToList() is { Count: > 0 } missing)
            {
                await ReleaseAsync(plan, mcp, http);
                return AgentErrors.UnknownTool(missing);
            }
        }
        // The extractive answerer cannot call tools: without another model the deterministic planner runs.
        var models = plan.Chain.Where(m => !m.LastResort).ToList();
        return Result<IAsyncEnumerable<ExecuteAgentEvent>>.Success(RunAsync(body, tools, mcp, http, plan, models, cancellationToken));
    }

    private async Task ReleaseAsync(RoutePlan plan, AgentMcpConnection mcp, HttpClient http)
    {
        if (plan.Reservation is { } reservation)
        {
            await ledger.SettleAsync(reservation, 0);
        }
        await mcp.DisposeAsync();
        http.Dispose();
    }

    private async IAsyncEnumerable<ExecuteAgentEvent> RunAsync(ExecuteAgentBody body, Dictionary<string, AgentTool> tools, AgentMcpConnection mcp,
        HttpClient http, RoutePlan plan, List<ChatModel> models, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The run owns its connections: they close when its events have been read (or the reader went away).
        await using var _ = mcp;
        using var __ = http;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(body.Timeout));
        var run = new ExecuteAgentState(Guid.CreateVersion7(clock.GetUtcNow()), body, tenant.TenantId!.Value, Stopwatch.GetTimestamp(),
            models.Count > 0 ? models[0].Id : ExecuteAgentState.Deterministic);
        if (models.Count == 0 && plan.Reservation is { } unused)
        {
            await ledger.SettleAsync(unused, 0);
        }
        var events = models.Count > 0
            ? new ExecuteAgentModelLoop(runner, plan, models, tools, run, ledger, health, clock).RunAsync(timeout.Token)
            : new ExecuteAgentPlannedRun(runner, tools, run).RunAsync(timeout.Token);
        try
        {
            await foreach (var @event in events)
            {
                yield return @event;
            }
        }
        finally
        {
            // Also when the caller went away: the model calls were made and paid for.
            if (run.Model is { } model)
            {
                await usage.RecordAsync(UsageRecorder.AgentExecute, model.Options.Provider.ToString(), model.Id, run.InputTokens, run.OutputTokens,
                    run.CostUsd, Stopwatch.GetElapsedTime(run.Started).TotalMilliseconds, cacheHit: false, run.FallbackUsed);
            }
        }
        if (run.Status is null && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            run.Finish(ExecuteAgentStatuses.Timeout, ExecuteAgentState.Partial(run.Steps,
                $"The run reached its timeout of {body.Timeout.ToString(CultureInfo.InvariantCulture)} s before the task was finished."));
        }
        cancellationToken.ThrowIfCancellationRequested();
        var result = run.ToRun();
        await PersistAsync(result);
        yield return new ExecuteAgentFinished(result);
    }

    /// <summary>The finished run, so that GET /api/v1/agent/tasks/{task_id} answers it later.</summary>
    private async Task PersistAsync(ExecuteAgentRun result)
    {
        db.Tasks.Add(new AgentTask
        {
            Id = result.TaskId,
            UserId = tenant.UserId,
            Task = result.Task,
            Status = result.Status,
            Run = JsonSerializer.Serialize(result, json.Value.SerializerOptions),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
