using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

public sealed class KnowledgeEmbeddersTests
{
    [Theory]
    [InlineData("Hold the reset button for ten seconds. The light turns amber.", false)]
    [InlineData("收到商品后七天内可以申请退货。", true)]
    [InlineData("The router supports WPA3 and guest networks; see section 4. 路由器支持访客网络。", true)]
    [InlineData("Our Shanghai office (上海) opens at nine on weekdays and closes at six, except on public holidays and the spring festival week. Appointments are made by phone or through the website, and visitors sign in at the front desk on the ground floor.", false)]
    public void A_knowledge_base_is_chinese_or_mixed_from_a_twentieth_of_its_words(string text, bool expected) =>
        KnowledgeEmbedders.IsChineseOrMixed([text]).ShouldBe(expected);
}
