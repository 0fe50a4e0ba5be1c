using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Login;

public sealed class LoginHandler(
    IdentityDbContext db,
    PasswordHashing passwords,
    AccountThrottle throttle,
    TokenIssuer issuer,
    IOptions<AccountLockoutOptions> lockout,
    TimeProvider clock) : IRequestHandler<LoginRequest, Result<TokenResponse>>
{
    public async Task<Result<TokenResponse>> Handle(LoginRequest request, CancellationToken cancellationToken)
    {
        var email = AccountNames.NormalizeEmail(request.Email);
        if (!await throttle.TryAcquireAsync("login", email))
        {
            return IdentityErrors.TooManyAttempts;
        }
        var candidate = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Email == email)
            .Select(u => new { u.Id, u.PasswordHash })
            .FirstOrDefaultAsync(cancellationToken);
        // Always hash, also for an unknown email (against a dummy hash): the answer's timing must not tell them apart.
        var verification = passwords.Verify(candidate?.PasswordHash, request.Password);
        if (candidate is null)
        {
            return IdentityErrors.InvalidCredentials;
        }
        var upgradedHash = verification == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(request.Password) : null;

        // The slow hash ran outside the transaction; the lockout counter is decided on the row locked now, so
        // that concurrent attempts cannot lose a failure.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.FromSql($"SELECT * FROM users WHERE id = {candidate.Id} FOR UPDATE")
            .IgnoreQueryFilters()
            .SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var outcome = LoginDecision.Decide(user, verification != PasswordVerificationResult.Failed, now, lockout.Value);

        user.FailedLoginCount = outcome.FailedLoginCount;
        user.LockedUntil = outcome.LockedUntil;
        Result<TokenResponse> result;
        if (outcome.Verdict == LoginVerdict.Succeeded)
        {
            user.LastLoginAt = now;
            user.PasswordHash = upgradedHash ?? user.PasswordHash;
            var (response, refreshRow) = await issuer.IssuePairAsync(user, familyId: Guid.CreateVersion7(now), cancellationToken);
            db.RefreshTokens.Add(refreshRow);
            db.AuditLog.Add(AuditEntry.Create(AuditActions.LoginSucceeded, user.TenantId, user.Id, user.Id, request.Origin, now));
            result = response;
        }
        else
        {
            db.AuditLog.Add(AuditEntry.Create(AuditActions.LoginFailed, user.TenantId, null, user.Id, request.Origin, now,
                detail: outcome.Verdict.ToString().ToLowerInvariant()));
            if (outcome.Verdict == LoginVerdict.LockedNow)
            {
                db.AuditLog.Add(AuditEntry.Create(AuditActions.AccountLocked, user.TenantId, null, user.Id, request.Origin, now,
                    detail: $"until {outcome.LockedUntil:O}"));
            }
            result = outcome.Verdict switch
            {
                LoginVerdict.Locked or LoginVerdict.LockedNow => IdentityErrors.AccountLocked,
                LoginVerdict.Disabled => IdentityErrors.AccountDisabled,
                _ => IdentityErrors.InvalidCredentials,
            };
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
