using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.AddUser;

public static class AddUserDecision
{
    /// <returns>The error to answer, or null when the user can be added.</returns>
    public static Error? Decide(AddUserRequest request, IReadOnlyList<string> callerRoles, bool emailTaken, bool usernameTaken)
    {
        if (request.Role == Roles.Owner && !callerRoles.Contains(Roles.Owner))
        {
            return IdentityErrors.OwnerRequired;
        }
        var problems = PasswordPolicy.Check(request.Password, request.Email, request.Username);
        if (problems.Count > 0)
        {
            return IdentityErrors.WeakPassword(problems);
        }
        return emailTaken ? IdentityErrors.EmailTaken
            : usernameTaken ? IdentityErrors.UsernameTaken
            : null;
    }
}
