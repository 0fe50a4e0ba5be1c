using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.RevokeApiKey;

public sealed record RevokeApiKeyRequest(Guid KeyId, RequestOrigin Origin) : IRequest<Result>;
