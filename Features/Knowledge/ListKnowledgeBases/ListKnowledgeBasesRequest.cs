using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.ListKnowledgeBases;

public sealed record ListKnowledgeBasesRequest(int Page, int PageSize) : IRequest<Result<PageResponse<KnowledgeBaseResponse>>>, IPageRequest;
