using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Tests.QueryRag;

public sealed class QueryRagGroundednessTests
{
    private static readonly Dictionary<int, string> Sources = new()
    {
        [1] = "You can return any item within 30 days of delivery. Items must be unused.",
        [2] = "Express shipping arrives the next business day.",
    };

    [Fact]
    public void A_sentence_supported_by_its_cited_source_passes_and_one_citing_the_wrong_source_fails()
    {
        var checks = QueryRagGroundedness.Check(
            "You can return any item within 30 days of delivery [1]. Express shipping arrives the next business day [1].", Sources, 0.6);

        checks.Count.ShouldBe(2);
        checks[0].Supported.ShouldBeTrue();
        checks[1].Supported.ShouldBeFalse();
    }

    [Fact]
    public void A_sentence_without_a_citation_or_with_invented_facts_is_unsupported()
    {
        var checks = QueryRagGroundedness.Check(
            "Returns are accepted for 30 days. Every order includes a free puppy and a lifetime warranty [1].", Sources, 0.6);

        checks.ShouldAllBe(c => !c.Supported);
        QueryRagGroundedness.KeepSupported("x", checks).ShouldBeNull();
    }

    [Fact]
    public void A_citation_after_the_full_stop_belongs_to_the_sentence_before_it()
    {
        var checks = QueryRagGroundedness.Check(
            "You can return any item within 30 days of delivery. [1] Express shipping arrives the next business day. [2]", Sources, 0.6);

        checks.Select(c => c.Citations.Single()).ShouldBe([1, 2]);
        checks.ShouldAllBe(c => c.Supported);
    }

    [Fact]
    public void Unsupported_sentences_are_removed_and_the_rest_kept()
    {
        const string answer = "You can return any item within 30 days of delivery [1]. We also refund twice the price [1].";
        var kept = QueryRagGroundedness.KeepSupported(answer, QueryRagGroundedness.Check(answer, Sources, 0.6));

        kept.ShouldBe("You can return any item within 30 days of delivery [1].");
    }

    [Fact]
    public void I_dont_know_needs_no_support() =>
        QueryRagGroundedness.Check(GroundedPrompt.DontKnowEnglish, Sources, 0.6).ShouldBeEmpty();
}
