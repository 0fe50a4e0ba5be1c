using VoiceHelper.Identity.ChangeRole;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.DisableUser;

namespace VoiceHelper.Identity.Tests.ChangeRole;

public sealed class ChangeRoleDecisionTests
{
    [Fact]
    public void An_admin_manages_agents_and_members() =>
        ChangeRoleDecision.Decide(User("agent"), "admin", ["admin"], otherActiveOwners: 1).ShouldBeNull();

    [Fact]
    public void Only_an_owner_grants_or_takes_ownership()
    {
        ChangeRoleDecision.Decide(User("agent"), "owner", ["admin"], 1).ShouldBe(IdentityErrors.OwnerRequired);
        ChangeRoleDecision.Decide(User("owner"), "member", ["admin"], 1).ShouldBe(IdentityErrors.OwnerRequired);
        ChangeRoleDecision.Decide(User("agent"), "owner", ["owner"], 1).ShouldBeNull();
    }

    [Fact]
    public void The_last_active_owner_stays_an_owner() =>
        ChangeRoleDecision.Decide(User("owner"), "admin", ["owner"], otherActiveOwners: 0).ShouldBe(IdentityErrors.LastOwner);

    [Fact]
    public void Disabling_follows_the_same_owner_rule_and_never_targets_oneself()
    {
        var owner = User("owner");

        DisableUserDecision.Decide(owner, Guid.NewGuid(), ["admin"]).ShouldBe(IdentityErrors.OwnerRequired);
        DisableUserDecision.Decide(owner, owner.Id, ["owner"]).ShouldBe(IdentityErrors.CannotDisableSelf);
        DisableUserDecision.Decide(owner, Guid.NewGuid(), ["owner"]).ShouldBeNull();
    }

    private static UserAccount User(string role) => new()
    {
        Id = Guid.NewGuid(), Email = "u@example.test", Username = "u", NormalizedUsername = "u", PasswordHash = "x", Role = role,
    };
}
