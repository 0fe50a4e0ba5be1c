using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.DisableUser;

public static class DisableUserDecision
{
    /// <summary>Nobody disables themselves (so an owner always remains), and only an owner disables an owner.</summary>
    /// <returns>The error to answer, or null when the user can be disabled.</returns>
    public static Error? Decide(UserAccount target, Guid? callerId, IReadOnlyList<string> callerRoles)
    {
        if (target.Id == callerId)
        {
            return IdentityErrors.CannotDisableSelf;
        }
        return target.Role == Roles.Owner && !callerRoles.Contains(Roles.Owner) ? IdentityErrors.OwnerRequired : null;
    }
}
