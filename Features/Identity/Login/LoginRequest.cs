using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Login;

public sealed record LoginRequest(string Email, string Password) : IRequest<Result<TokenResponse>>
{
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
