using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListApiKeys;

public sealed record ListApiKeysRequest(int Page, int PageSize) : IRequest<Result<PageResponse<ApiKeyResponse>>>, IPageRequest;
