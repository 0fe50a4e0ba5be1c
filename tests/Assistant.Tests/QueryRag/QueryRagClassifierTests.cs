using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Tests.QueryRag;

public sealed class QueryRagClassifierTests
{
    [Theory]
    [InlineData("Hello!", RagQueryType.ChitChat)]
    [InlineData("thank you", RagQueryType.ChitChat)]
    [InlineData("你好", RagQueryType.ChitChat)]
    [InlineData("Tell me a joke", RagQueryType.OutOfScope)]
    [InlineData("What's the weather in Paris tomorrow?", RagQueryType.OutOfScope)]
    [InlineData("讲个笑话", RagQueryType.OutOfScope)]
    [InlineData("How do I reset my password?", RagQueryType.HowTo)]
    [InlineData("如何申请退款？", RagQueryType.HowTo)]
    [InlineData("What is the return window?", RagQueryType.Factual)]
    [InlineData("Which book formats do you ship?", RagQueryType.Factual)]
    [InlineData("Hello, what is the return window for opened items?", RagQueryType.Factual)]
    public void Questions_get_their_type(string query, RagQueryType expected) =>
        QueryRagClassifier.Classify(query).Type.ShouldBe(expected);

    [Fact]
    public void Only_chit_chat_and_out_of_scope_skip_retrieval()
    {
        QueryRagClassifier.Classify("hi").RetrievalSkipped.ShouldBeTrue();
        QueryRagClassifier.Classify("write a poem about returns").RetrievalSkipped.ShouldBeTrue();
        QueryRagClassifier.Classify("How do I return an item?").RetrievalSkipped.ShouldBeFalse();
    }

    [Fact]
    public void Comparisons_and_joined_questions_are_more_complex_than_a_single_fact()
    {
        QueryRagClassifier.Classify("What is the return window?").Complexity.ShouldBe(RagQueryComplexity.Simple);
        QueryRagClassifier.Classify("What is the difference between standard and express shipping?").Complexity.ShouldBe(RagQueryComplexity.Complex);
        QueryRagClassifier.Classify("How long is the warranty and does it cover water damage?").Complexity.ShouldBe(RagQueryComplexity.Moderate);
    }

    [Fact]
    public void The_canned_reply_is_in_the_language_of_the_question()
    {
        QueryRagClassifier.Reply(QueryRagClassifier.Classify("你好")).ShouldContain("您好");
        QueryRagClassifier.Reply(QueryRagClassifier.Classify("hello")).ShouldStartWith("Hello");
    }
}
