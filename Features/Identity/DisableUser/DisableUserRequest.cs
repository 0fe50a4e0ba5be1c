using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.DisableUser;

public sealed record DisableUserRequest(Guid UserId, RequestOrigin Origin) : IRequest<Result<UserResponse>>;
