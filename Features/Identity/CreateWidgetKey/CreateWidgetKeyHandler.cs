using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.CreateWidgetKey;

public sealed class CreateWidgetKeyHandler(IdentityDbContext db, ITenantContext caller, KnowledgeBaseLookup knowledgeBases, TimeProvider clock)
    : IRequestHandler<CreateWidgetKeyRequest, Result<WidgetKeyResponse>>
{
    public async Task<Result<WidgetKeyResponse>> Handle(CreateWidgetKeyRequest request, CancellationToken cancellationToken)
    {
        var active = await db.WidgetKeys.CountAsync(k => k.RevokedAt == null, cancellationToken);
        var kbIds = request.KbIds.Distinct().ToArray();
        Guid[]? missing = active >= IdentityErrors.MaxActiveApiKeys ? [] : await knowledgeBases.MissingAsync(kbIds, cancellationToken);
        if (CreateWidgetKeyDecision.Decide(active, missing) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var key = new WidgetKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = db.CurrentTenantId,
            Name = request.Name.Trim(),
            Key = WidgetOrigins.NewKey(),
            AllowedOrigins = CreateWidgetKeyDecision.Origins(request.AllowedOrigins),
            KnowledgeBaseIds = kbIds,
            KeyPermitsPerMinute = request.KeyPermitsPerMinute ?? CreateWidgetKeyRequest.DefaultKeyPermits,
            VisitorPermitsPerMinute = request.VisitorPermitsPerMinute ?? CreateWidgetKeyRequest.DefaultVisitorPermits,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        db.WidgetKeys.Add(key);
        db.AuditLog.Add(AuditEntry.Create(AuditActions.WidgetKeyCreated, key.TenantId, caller.UserId, null, request.Origin, now,
            detail: $"widget key {key.Id} origins {string.Join(' ', key.AllowedOrigins)}"));
        await db.SaveChangesAsync(cancellationToken);
        return WidgetKeyResponse.From(key);
    }
}
