using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListWidgetKeys;

public sealed record ListWidgetKeysRequest(int Page, int PageSize) : IRequest<Result<PageResponse<WidgetKeyResponse>>>, IPageRequest;
