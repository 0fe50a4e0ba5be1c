using VoiceHelper.Identity.RotateSigningKeys;

namespace VoiceHelper.Identity.Tests.RotateSigningKeys;

public sealed class SigningKeyRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(30);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    [Fact]
    public void Without_keys_a_new_one_is_needed()
    {
        var plan = SigningKeyRotation.Plan([], Now, Rotation, Retention);

        plan.ActiveKeyId.ShouldBeNull();
        plan.PublishedKeyIds.ShouldBeEmpty();
    }

    [Fact]
    public void The_newest_key_signs_until_its_rotation_age()
    {
        var keys = new[] { new SigningKeyInfo("old", Now.AddDays(-40)), new SigningKeyInfo("new", Now.AddDays(-29)) };

        SigningKeyRotation.Plan(keys, Now, Rotation, Retention).ActiveKeyId.ShouldBe("new");
        SigningKeyRotation.Plan(keys, Now.AddDays(1), Rotation, Retention).ActiveKeyId.ShouldBeNull();
    }

    [Fact]
    public void A_replaced_key_is_published_until_its_tokens_have_expired_then_deleted()
    {
        var keys = new[] { new SigningKeyInfo("old", Now.AddDays(-31)), new SigningKeyInfo("new", Now.AddMinutes(-59)) };

        var during = SigningKeyRotation.Plan(keys, Now, Rotation, Retention);
        var afterwards = SigningKeyRotation.Plan(keys, Now.AddMinutes(2), Rotation, Retention);

        during.PublishedKeyIds.ShouldBe(["old", "new"]);
        afterwards.PublishedKeyIds.ShouldBe(["new"]);
        afterwards.ExpiredKeyIds.ShouldBe(["old"]);
    }

    [Fact]
    public void A_key_that_cannot_be_decrypted_never_signs_but_stays_published()
    {
        var keys = new[] { new SigningKeyInfo("unreadable", Now.AddMinutes(-1), CanSign: false) };

        var plan = SigningKeyRotation.Plan(keys, Now, Rotation, Retention);

        plan.ActiveKeyId.ShouldBeNull();
        plan.PublishedKeyIds.ShouldBe(["unreadable"]);
    }
}
