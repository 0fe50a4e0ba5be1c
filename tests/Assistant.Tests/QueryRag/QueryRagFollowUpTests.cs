using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Tests.QueryRag;

public sealed class QueryRagFollowUpTests
{
    private static readonly RagTurn[] History =
    [
        new("user", "How long is the warranty of the X200?"),
        new("assistant", "The X200 has a two-year warranty [1]."),
    ];

    [Theory]
    [InlineData("And how do I reset it?")]
    [InlineData("what about the charger")]
    [InlineData("它怎么重置？")]
    public void Follow_ups_are_searched_with_the_previous_question(string query) =>
        QueryRagFollowUp.RetrievalQuery(query, History).ShouldBe($"How long is the warranty of the X200? {query}");

    [Theory]
    [InlineData("How do I reset the Z9 camera to factory settings?")]
    [InlineData("Which payment methods do you accept for orders?")]
    public void Self_contained_questions_stay_as_asked(string query) =>
        QueryRagFollowUp.RetrievalQuery(query, History).ShouldBe(query);

    [Fact]
    public void A_summary_of_earlier_turns_is_not_taken_for_the_previous_question() =>
        QueryRagFollowUp.RetrievalQuery("And how do I reset it?", [new("summary", "The caller asked about the Z9 camera.")])
            .ShouldBe("And how do I reset it?");

    [Fact]
    public void Without_history_the_question_stays_as_asked() =>
        QueryRagFollowUp.RetrievalQuery("And how do I reset it?", null).ShouldBe("And how do I reset it?");
}
