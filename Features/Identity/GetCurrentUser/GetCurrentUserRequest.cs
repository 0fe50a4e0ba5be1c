using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.GetCurrentUser;

public sealed record GetCurrentUserRequest : IRequest<Result<UserResponse>>;
