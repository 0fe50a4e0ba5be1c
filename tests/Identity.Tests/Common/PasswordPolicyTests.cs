using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Tests.Common;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Correct-Horse-42")]
    [InlineData("Abcdefg1")]
    public void A_strong_password_passes(string password) =>
        PasswordPolicy.Check(password, "ann@example.test", "ann").ShouldBeEmpty();

    [Theory]
    [InlineData("Abcdef1", "at least 8")]
    [InlineData("abcdefg1", "upper-case")]
    [InlineData("ABCDEFG1", "lower-case")]
    [InlineData("Abcdefgh", "digit")]
    [InlineData("Ann.Smith1", "differ")]
    public void Each_broken_rule_is_named(string password, string expected) =>
        PasswordPolicy.Check(password, "ann@example.test", "ann.smith1").ShouldContain(p => p.Contains(expected));
}
