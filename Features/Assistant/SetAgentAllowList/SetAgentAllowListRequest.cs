using MediatR;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.SetAgentAllowList;

public sealed record SetAgentAllowListRequest(AgentAllowList List) : IRequest<Result<AgentAllowList>>;
