using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Refresh;

public sealed record RefreshRequest(string RefreshToken) : IRequest<Result<TokenResponse>>
{
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
