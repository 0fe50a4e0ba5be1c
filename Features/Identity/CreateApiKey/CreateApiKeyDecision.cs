using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateApiKey;

public static class CreateApiKeyDecision
{
    /// <returns>The error to answer, or null when another key may be created.</returns>
    /// <remarks>A cap on live keys keeps a leaked admin token from minting keys without bound.</remarks>
    public static Error? Decide(int activeKeys) => activeKeys >= IdentityErrors.MaxActiveApiKeys ? IdentityErrors.ApiKeyLimit : null;
}
