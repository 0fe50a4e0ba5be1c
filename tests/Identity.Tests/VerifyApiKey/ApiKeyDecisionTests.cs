using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.VerifyApiKey;

namespace VoiceHelper.Identity.Tests.VerifyApiKey;

public sealed class ApiKeyDecisionTests
{
    private static ApiKey Key(DateTimeOffset? revokedAt = null) => new()
    {
        Name = "k", Prefix = "vh_12345678", SecretHash = [1], Scopes = ["chat"], RevokedAt = revokedAt,
    };

    [Fact]
    public void Unknown_and_revoked_keys_are_refused_with_their_codes()
    {
        VerifyApiKeyDecision.Decide(null)!.Code.ShouldBe("invalid_api_key");
        VerifyApiKeyDecision.Decide(Key(DateTimeOffset.UtcNow))!.Code.ShouldBe("api_key_revoked");
        VerifyApiKeyDecision.Decide(Key()).ShouldBeNull();
    }

    [Fact]
    public void Use_is_recorded_at_most_once_a_minute()
    {
        var now = DateTimeOffset.UtcNow;
        VerifyApiKeyDecision.ShouldRecordUse(null, now).ShouldBeTrue();
        VerifyApiKeyDecision.ShouldRecordUse(now.AddSeconds(-30), now).ShouldBeFalse();
        VerifyApiKeyDecision.ShouldRecordUse(now.AddMinutes(-1), now).ShouldBeTrue();
    }

    [Theory]
    [InlineData("chat", "chat", true)]
    [InlineData("chat", "knowledge:read", true)]
    [InlineData("mcp", "knowledge:read", true)]
    [InlineData("knowledge:read", "chat", false)]
    [InlineData("knowledge:read", "mcp", false)]
    [InlineData("chat", "mcp", false)]
    public void Chat_and_mcp_imply_reading_knowledge_and_nothing_else(string held, string required, bool granted) =>
        ApiKeyScopes.Grants([held], required).ShouldBe(granted);

    [Fact]
    public void A_secret_is_long_random_and_its_prefix_is_its_start()
    {
        var secret = ApiKeySecret.New();
        secret.ShouldStartWith("vh_");
        secret.Length.ShouldBe(46);
        ApiKeySecret.PrefixOf(secret).ShouldBe(secret[..11]);
        ApiKeySecret.Hash(secret).Length.ShouldBe(32);
    }
}
