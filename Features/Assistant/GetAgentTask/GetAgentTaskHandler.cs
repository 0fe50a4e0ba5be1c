using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.ExecuteAgent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAgentTask;

/// <summary>A finished run of the caller's tenant; another tenant's task answers 404 like a missing one.</summary>
public sealed class GetAgentTaskHandler(AgentDbContext db, IOptions<JsonOptions> json) : IRequestHandler<GetAgentTaskRequest, Result<ExecuteAgentRun>>
{
    public async Task<Result<ExecuteAgentRun>> Handle(GetAgentTaskRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Tasks.AsNoTracking().Where(t => t.Id == request.TaskId).Select(t => t.Run).FirstOrDefaultAsync(cancellationToken);
        return run is null ? AgentErrors.TaskNotFound : JsonSerializer.Deserialize<ExecuteAgentRun>(run, json.Value.SerializerOptions)!;
    }
}
