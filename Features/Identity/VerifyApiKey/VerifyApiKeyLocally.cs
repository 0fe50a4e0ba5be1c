using MediatR;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.VerifyApiKey;

/// <summary>Identity verifies API keys presented to itself from its own database, not over HTTP to itself.</summary>
public sealed class VerifyApiKeyLocally(IMediator mediator) : IApiKeyVerifier
{
    public async Task<ApiKeyCheck> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new VerifyApiKeyRequest(key), cancellationToken);
        return result.IsSuccess ? ApiKeyCheck.Valid(result.Value!) : ApiKeyCheck.Invalid(result.Error!.Code);
    }
}
