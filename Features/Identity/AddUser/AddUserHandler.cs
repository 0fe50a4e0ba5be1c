using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.AddUser;

public sealed class AddUserHandler(IdentityDbContext db, PasswordHashing passwords, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<AddUserRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(AddUserRequest request, CancellationToken cancellationToken)
    {
        var email = AccountNames.NormalizeEmail(request.Email);
        var username = AccountNames.NormalizeUsername(request.Username);
        // Emails are unique across tenants (login names only an email); usernames within this tenant (the filter).
        var emailTaken = await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == email, cancellationToken);
        var usernameTaken = await db.Users.AnyAsync(u => u.NormalizedUsername == username, cancellationToken);

        if (AddUserDecision.Decide(request, caller.Roles, emailTaken, usernameTaken) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(now),
            Email = email,
            Username = request.Username.Trim(),
            NormalizedUsername = username,
            PasswordHash = passwords.Hash(request.Password),
            Role = request.Role,
            CreatedAt = now,
        };
        db.Users.Add(user);
        db.AuditLog.Add(AuditEntry.Create(AuditActions.UserAdded, db.CurrentTenantId, caller.UserId, user.Id, request.Origin, now,
            detail: $"role {request.Role}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            return unique.ConstraintName == "users_email_key" ? IdentityErrors.EmailTaken : IdentityErrors.UsernameTaken;
        }
        return UserResponse.From(user);
    }
}
