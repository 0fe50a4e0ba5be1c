using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListAuditLog;

public sealed record ListAuditLogRequest(int Page, int PageSize) : IRequest<Result<PageResponse<ListAuditLogItem>>>, IPageRequest;
