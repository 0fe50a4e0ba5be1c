using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetSession;

/// <summary>Runs before there is a tenant (the key names it), so it ignores the tenant filter to find the key.</summary>
public sealed class CreateWidgetSessionHandler(IdentityDbContext db, TokenIssuer issuer, WidgetExchangeCounter exchanges, IOptions<TokenOptions> tokens)
    : IRequestHandler<CreateWidgetSessionRequest, Result<CreateWidgetSessionResponse>>
{
    public async Task<Result<CreateWidgetSessionResponse>> Handle(CreateWidgetSessionRequest request, CancellationToken cancellationToken)
    {
        var key = await db.WidgetKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Key == request.Key, cancellationToken);
        if (CreateWidgetSessionDecision.Decide(key, request.PageOrigin) is { } error)
        {
            return error;
        }
        var (count, left) = await exchanges.CountAsync(key!.Id);
        if (CreateWidgetSessionDecision.Throttle(count, key.KeyPermitsPerMinute, left) is { } busy)
        {
            return busy;
        }

        var visitorId = request.VisitorId ?? WidgetOrigins.NewVisitorId();
        var subject = WidgetOrigins.VisitorSubject(key.Id, visitorId);
        var token = await issuer.IssueVisitorTokenAsync(key, subject, WidgetOrigins.Normalize(request.PageOrigin)!, cancellationToken);
        return new CreateWidgetSessionResponse(token.Token, (int)tokens.Value.VisitorTokenLifetime.TotalSeconds, "Bearer", visitorId, subject);
    }
}
