using Microsoft.AspNetCore.DataProtection;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Tenant models' provider API keys, encrypted at rest with ASP.NET Core Data Protection (its key ring in assistantdb,
/// decision 0018). The protector's purpose includes the tenant, so a ciphertext copied to another tenant's row does not
/// decrypt there.
/// </summary>
public sealed class ModelApiKeys(IDataProtectionProvider provider)
{
    public const string Purpose = "VoiceHelper.Assistant.TenantModelApiKey.v1";

    public string Protect(Guid tenantId, string apiKey) => For(tenantId).Protect(apiKey);

    public string Unprotect(Guid tenantId, string stored) => For(tenantId).Unprotect(stored);

    private IDataProtector For(Guid tenantId) => provider.CreateProtector(Purpose, tenantId.ToString("N"));
}
