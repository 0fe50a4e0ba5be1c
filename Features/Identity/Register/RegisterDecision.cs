using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Register;

public static class RegisterDecision
{
    /// <returns>The error to answer, or null when the tenant and its owner can be created.</returns>
    public static Error? Decide(RegisterRequest request, bool emailTaken)
    {
        var problems = PasswordPolicy.Check(request.Password, request.Email, request.Username);
        if (problems.Count > 0)
        {
            return IdentityErrors.WeakPassword(problems);
        }
        return emailTaken ? IdentityErrors.EmailTaken : null;
    }
}
