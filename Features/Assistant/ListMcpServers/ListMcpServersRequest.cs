using MediatR;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListMcpServers;

public sealed record ListMcpServersRequest(int Page, int PageSize) : IRequest<Result<PageResponse<AgentMcpServerResponse>>>, IPageRequest;
