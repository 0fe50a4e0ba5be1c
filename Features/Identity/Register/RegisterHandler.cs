using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Register;

public sealed class RegisterHandler(IdentityDbContext db, PasswordHashing passwords, AccountThrottle throttle, TimeProvider clock)
    : IRequestHandler<RegisterRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(RegisterRequest request, CancellationToken cancellationToken)
    {
        var email = AccountNames.NormalizeEmail(request.Email);
        if (!await throttle.TryAcquireAsync("register", email))
        {
            return IdentityErrors.TooManyAttempts;
        }
        var emailTaken = await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == email, cancellationToken);

        if (RegisterDecision.Decide(request, emailTaken) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var tenant = new Tenant { Id = Guid.CreateVersion7(now), Name = request.TenantName.Trim(), CreatedAt = now };
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Id,
            Email = email,
            Username = request.Username.Trim(),
            NormalizedUsername = AccountNames.NormalizeUsername(request.Username),
            PasswordHash = passwords.Hash(request.Password),
            Role = Roles.Owner,
            CreatedAt = now,
        };
        db.Tenants.Add(tenant);
        db.Users.Add(user);
        db.AuditLog.Add(AuditEntry.Create(AuditActions.TenantRegistered, tenant.Id, user.Id, user.Id, request.Origin, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two registrations of one email raced past the check above; the unique index decides.
            return IdentityErrors.EmailTaken;
        }
        return UserResponse.From(user);
    }
}
