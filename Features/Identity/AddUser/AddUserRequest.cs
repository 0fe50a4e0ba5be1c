using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.AddUser;

public sealed record AddUserRequest(string Email, string Username, string Password, string Role) : IRequest<Result<UserResponse>>
{
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
