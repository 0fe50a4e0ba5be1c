using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.RevokeWidgetKey;

public sealed record RevokeWidgetKeyRequest(Guid KeyId, RequestOrigin Origin) : IRequest<Result>;
