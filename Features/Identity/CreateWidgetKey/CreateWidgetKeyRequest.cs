using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetKey;

/// <param name="KbIds">The knowledge bases the key's visitors may ask (1 to 20); their conversations use these and no others.</param>
/// <param name="KeyPermitsPerMinute">Requests per minute all visitors of the key may make together (default 600).</param>
/// <param name="VisitorPermitsPerMinute">Requests per minute one visitor may make (default 30).</param>
public sealed record CreateWidgetKeyRequest(string Name, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<Guid> KbIds, int? KeyPermitsPerMinute = null, int? VisitorPermitsPerMinute = null)
    : IRequest<Result<WidgetKeyResponse>>
{
    public const int DefaultKeyPermits = 600;
    public const int DefaultVisitorPermits = 30;

    [JsonIgnore] public RequestOrigin Origin { get; init; } = RequestOrigin.Unknown;
}
