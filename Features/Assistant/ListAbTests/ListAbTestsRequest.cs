using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListAbTests;

public sealed record ListAbTestsRequest(int Page = 1, int PageSize = IPageRequest.DefaultPageSize) : IRequest<Result<PageResponse<AbTestView>>>, IPageRequest;
