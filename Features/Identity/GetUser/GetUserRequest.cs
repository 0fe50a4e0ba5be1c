using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.GetUser;

public sealed record GetUserRequest(Guid UserId) : IRequest<Result<UserResponse>>;
