using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Register;

public sealed record RegisterRequest(string TenantName, string Email, string Username, string Password) : IRequest<Result<UserResponse>>
{
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
