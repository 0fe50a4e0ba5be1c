using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListUsers;

public sealed record ListUsersRequest(int Page, int PageSize) : IRequest<Result<PageResponse<UserResponse>>>, IPageRequest;
