using MediatR;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.VerifyApiKey;

public sealed record VerifyApiKeyRequest(string Key) : IRequest<Result<ApiKeyVerification>>;
