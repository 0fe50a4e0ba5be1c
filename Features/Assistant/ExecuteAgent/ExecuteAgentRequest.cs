using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>The run's events, produced while they are read: the plan (if any), each step, then the finished run.</summary>
public sealed record ExecuteAgentRequest(ExecuteAgentBody Body) : IRequest<Result<IAsyncEnumerable<ExecuteAgentEvent>>>;
