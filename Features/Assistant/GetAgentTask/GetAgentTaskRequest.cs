using MediatR;
using VoiceHelper.Assistant.ExecuteAgent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAgentTask;

public sealed record GetAgentTaskRequest(Guid TaskId) : IRequest<Result<ExecuteAgentRun>>;
