using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Tests.Text;

public sealed class TokenEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abcdefgh", 2)]
    [InlineData("abcdefghi", 3)]
    [InlineData("你好世界", 4)]
    [InlineData("こんにちは", 5)]
    [InlineData("退款 refund", 4)]
    public void English_is_about_four_characters_a_token_and_cjk_one_each(string text, int tokens)
    {
        TokenEstimate.Count(text).ShouldBe(tokens);
    }
}
