using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.CreateApiKey;

public sealed class CreateApiKeyHandler(IdentityDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<CreateApiKeyRequest, Result<CreateApiKeyResponse>>
{
    public async Task<Result<CreateApiKeyResponse>> Handle(CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var active = await db.ApiKeys.CountAsync(k => k.RevokedAt == null, cancellationToken);
        if (CreateApiKeyDecision.Decide(active) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var secret = ApiKeySecret.New();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = db.CurrentTenantId,
            Name = request.Name.Trim(),
            Prefix = ApiKeySecret.PrefixOf(secret),
            SecretHash = ApiKeySecret.Hash(secret),
            Scopes = [.. request.Scopes],
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        db.ApiKeys.Add(key);
        db.AuditLog.Add(AuditEntry.Create(AuditActions.ApiKeyCreated, key.TenantId, caller.UserId, null, request.Origin, now,
            detail: $"key {key.Id} ({key.Prefix}) scopes {string.Join(' ', key.Scopes)}"));
        await db.SaveChangesAsync(cancellationToken);
        return new CreateApiKeyResponse(key.Id, key.Name, key.Prefix, key.Scopes, key.CreatedAt, secret);
    }
}
