using MediatR;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAgentAllowList;

public sealed record GetAgentAllowListRequest : IRequest<Result<AgentAllowList>>;
