using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Tests.Text;

public sealed class Bm25Tests
{
    [Fact]
    public void Rare_terms_weigh_more_and_a_term_in_every_document_still_counts()
    {
        Bm25.Idf(100, 1).ShouldBeGreaterThan(Bm25.Idf(100, 50));
        Bm25.Idf(100, 100).ShouldBeGreaterThan(0);
        Bm25.Idf(100, 0).ShouldBe(Math.Log(1 + 100.5 / 0.5), 1e-12);
    }
}
