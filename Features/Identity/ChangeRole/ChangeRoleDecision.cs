using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ChangeRole;

public static class ChangeRoleDecision
{
    /// <summary>
    /// Who may manage users at all is the endpoint's policy; this is about the target: only an owner grants or
    /// takes away ownership, and the tenant always keeps an active owner.
    /// </summary>
    /// <returns>The error to answer, or null when the role can be changed.</returns>
    public static Error? Decide(UserAccount target, string newRole, IReadOnlyList<string> callerRoles, int otherActiveOwners)
    {
        var touchesOwnership = target.Role == Roles.Owner || newRole == Roles.Owner;
        if (touchesOwnership && !callerRoles.Contains(Roles.Owner))
        {
            return IdentityErrors.OwnerRequired;
        }
        if (target.Role == Roles.Owner && newRole != Roles.Owner && otherActiveOwners == 0)
        {
            return IdentityErrors.LastOwner;
        }
        return null;
    }
}
