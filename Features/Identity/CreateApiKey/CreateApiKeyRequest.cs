using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateApiKey;

public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Scopes) : IRequest<Result<CreateApiKeyResponse>>
{
    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
