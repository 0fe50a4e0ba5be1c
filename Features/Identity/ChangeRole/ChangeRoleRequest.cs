using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ChangeRole;

public sealed record ChangeRoleRequest(string Role) : IRequest<Result<UserResponse>>
{
    [JsonIgnore] public Guid UserId { get; init; }
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
