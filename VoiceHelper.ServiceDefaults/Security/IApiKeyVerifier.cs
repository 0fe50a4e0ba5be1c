namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>
/// Turns a presented API key into its tenant and scopes. Every service asks Identity over HTTP
/// (<see cref="HttpApiKeyVerifier"/>); Identity answers from its own database. An outage throws: it is not a wrong key.
/// </summary>
public interface IApiKeyVerifier
{
    Task<ApiKeyCheck> VerifyAsync(string key, CancellationToken cancellationToken);
}
