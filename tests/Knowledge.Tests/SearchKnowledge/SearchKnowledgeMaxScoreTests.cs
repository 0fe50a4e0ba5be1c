using VoiceHelper.Knowledge.SearchKnowledge;

namespace VoiceHelper.Knowledge.Tests.SearchKnowledge;

public sealed class SearchKnowledgeMaxScoreTests
{
    private static List<(Guid Id, double Score)> Partials(params double[] scores) =>
        [.. scores.Select((s, i) => (new Guid(i + 1, 0, 0, new byte[8]), s))];

    [Fact]
    public void With_every_term_essential_the_partials_are_the_answer()
    {
        var contenders = SearchKnowledgeMaxScore.Contenders(Partials(9, 8, 7), limit: 2, restBound: 0, truncated: false);

        contenders!.Select(c => c.Score).ShouldBe([9, 8]);
    }

    [Fact]
    public void Fewer_partials_than_the_limit_mean_an_unseen_chunk_could_still_enter()
    {
        SearchKnowledgeMaxScore.Contenders(Partials(9), limit: 2, restBound: 0.5, truncated: false).ShouldBeNull();
    }

    [Fact]
    public void A_rest_bound_reaching_the_last_place_means_the_essential_terms_must_grow()
    {
        SearchKnowledgeMaxScore.Contenders(Partials(9, 3, 1), limit: 2, restBound: 3, truncated: false).ShouldBeNull();
    }

    [Fact]
    public void Only_chunks_the_other_terms_could_lift_to_the_last_place_are_completed()
    {
        var contenders = SearchKnowledgeMaxScore.Contenders(Partials(9, 5, 4.5, 4, 1), limit: 2, restBound: 1, truncated: false);

        contenders!.Select(c => c.Score).ShouldBe([9, 5, 4.5, 4]);
    }

    [Fact]
    public void Contenders_cut_off_by_the_read_limit_are_not_trusted()
    {
        SearchKnowledgeMaxScore.Contenders(Partials(9, 5, 4.5), limit: 2, restBound: 1, truncated: true).ShouldBeNull();
        SearchKnowledgeMaxScore.Contenders(Partials(9, 5, 1), limit: 2, restBound: 1, truncated: true)!.Count.ShouldBe(2);
    }
}
