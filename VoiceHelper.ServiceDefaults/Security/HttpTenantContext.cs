using Microsoft.AspNetCore.Http;
using VoiceHelper.Contracts;

namespace VoiceHelper.ServiceDefaults.Security;

internal sealed class HttpTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    public Guid? TenantId => ReadGuid(ClaimNames.Tenant);
    public Guid? UserId => ReadGuid(ClaimNames.Subject);

    public IReadOnlyList<string> Roles =>
        accessor.HttpContext?.User.FindAll(ClaimNames.Role).Select(c => c.Value).ToList() ?? [];

    private Guid? ReadGuid(string claim) =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(claim)?.Value, out var id) ? id : null;
}
