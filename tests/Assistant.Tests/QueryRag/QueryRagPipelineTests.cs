using System.Text.Json;
using Microsoft.Net.Http.Headers;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Tests.QueryRag;

/// <summary>The pipeline's pure decisions, without a server.</summary>
public sealed class QueryRagPipelineTests
{
    private static readonly RagTurn[] History = [new("user", "How do I reset my X-100 router?"), new("assistant", "Hold the button for 10 s [1].")];

    [Fact]
    public void A_follow_up_is_searched_with_the_question_before_it_and_a_chat_model_reading_the_history_skips_the_cache()
    {
        var request = new RagQueryRequest("And how long does it take?", [Guid.NewGuid()], History: History);

        var extractive = QueryRagUnderstanding.Understand(request, streamed: false, ChatProvider.Extractive);
        var chat = QueryRagUnderstanding.Understand(request, streamed: true, ChatProvider.OpenAiCompatible);

        extractive.Query.ShouldBe("How do I reset my X-100 router? And how long does it take?");
        extractive.UseCache.ShouldBeTrue();
        extractive.Conversational.ShouldBeFalse();
        extractive.Features.ShouldBe([QueryRagFeatures.Classifier]);
        chat.UseCache.ShouldBeFalse();
        chat.Conversational.ShouldBeTrue();
        chat.Features.ShouldBe([QueryRagFeatures.Classifier, QueryRagFeatures.Streaming]);
        chat.TopK.ShouldBe(RagQueryRequest.DefaultTopK);
    }

    [Fact]
    public void Chit_chat_is_not_rewritten_and_gets_the_canned_reply_without_sources()
    {
        var question = QueryRagUnderstanding.Understand(new RagQueryRequest("Thanks!", [Guid.NewGuid()], History: History), false, ChatProvider.Extractive);

        var answer = QueryRagAnswers.Canned(question, 0.1, 0.2);

        question.Query.ShouldBe("Thanks!");
        answer.Answer.ShouldBe(QueryRagClassifier.Reply(question.Classification));
        answer.Sources.ShouldBeEmpty();
        answer.Model.ShouldBeNull();
    }

    [Fact]
    public void A_cache_entry_in_another_shape_is_a_miss_and_i_dont_know_is_never_cached()
    {
        var question = QueryRagUnderstanding.Understand(new RagQueryRequest("What is the return window?", [Guid.NewGuid()]), false, ChatProvider.Extractive);
        // Written before sources always had a knowledge base and a position.
        const string older = """{"Answer":"30 days [1].","Sources":[{"Index":1,"KnowledgeBaseId":null,"Position":null}]}""";

        QueryRagAnswers.Cached(older).ShouldBeNull();
        QueryRagAnswers.Cached(null).ShouldBeNull();
        QueryRagAnswers.Cacheable(question, GroundedPrompt.DontKnowEnglish).ShouldBeFalse();
        QueryRagAnswers.Cacheable(question, "Within 30 days [1].").ShouldBeTrue();
        QueryRagAnswers.Cacheable(question with { UseCache = false }, "Within 30 days [1].").ShouldBeFalse();
    }

    [Fact]
    public void A_cached_answer_round_trips_and_is_reported_as_a_hit_of_this_question()
    {
        var question = QueryRagUnderstanding.Understand(new RagQueryRequest("What is the return window?", [Guid.NewGuid()]), false, ChatProvider.Extractive);
        var stored = new RagAnswer("Within 30 days [1].", [Source(1, cited: true)], new RagMetrics(1, 2, 3, 4, 5, 15, 51, 0.01m, false, false),
            ["query_classifier"], question.Classification, "gpt-test", false);

        var hit = QueryRagAnswers.FromCache(QueryRagAnswers.Cached(JsonSerializer.Serialize(stored))!, question, ["query_classifier", "semantic_cache"], 0.5, 2);

        hit.Answer.ShouldBe(stored.Answer);
        hit.Sources.Single().ShouldBe(stored.Sources[0]);
        hit.Metrics.ShouldBe(new RagMetrics(0.5, 0, 0, 0, 0, 2, 0, 0, true, false));
        hit.FeaturesUsed.ShouldContain("semantic_cache");
    }

    [Fact]
    public void Knowledges_search_outcomes_become_the_assistants_errors()
    {
        QueryRagRetrieval.Failure(KnowledgeSearchOutcome.Found, null).ShouldBeNull();
        QueryRagRetrieval.Failure(KnowledgeSearchOutcome.KnowledgeBaseNotFound, null).ShouldBe(AssistantErrors.KnowledgeBaseNotFound);
        QueryRagRetrieval.Failure(KnowledgeSearchOutcome.Unavailable, null).ShouldBe(AssistantErrors.KnowledgeUnavailable);
        var throttled = QueryRagRetrieval.Failure(KnowledgeSearchOutcome.Throttled, TimeSpan.FromSeconds(7))!;
        throttled.Status.ShouldBe(429);
        throttled.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Only_the_sources_an_answer_cites_are_marked_and_i_dont_know_cites_none()
    {
        List<QueryRagContextSource> context = [Context(1), Context(2)];

        var cited = QueryRagSources.Cited(context, "Within 30 days [2].");

        cited.Select(s => (s.Index, s.Cited)).ShouldBe([(1, false), (2, true)]);
        cited[1].Position.ShouldBe(context[1].Chunk.Position);
        cited[1].HeadingPath.ShouldBe("Returns > Window");
        QueryRagSources.Cited(context, GroundedPrompt.DontKnowEnglish).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true, "application/json", true)]
    [InlineData(false, "text/event-stream", true)]
    [InlineData(false, "application/json, text/event-stream;q=0.5", true)]
    [InlineData(false, "application/json", false)]
    [InlineData(false, null, false)]
    public void The_body_flag_or_an_accepted_event_stream_asks_for_a_stream(bool flag, string? accept, bool expected) =>
        QueryRagStream.Wanted(new RagQueryRequest("q", [Guid.NewGuid()], Stream: flag),
                accept is null ? [] : MediaTypeHeaderValue.ParseList(accept.Split(',')))
            .ShouldBe(expected);

    [Fact]
    public void Events_carry_the_contracts_names_on_the_wire()
    {
        QueryRagStream.ToSse(new QueryRagSourcesFound([])).EventType.ShouldBe(RagStreamEvents.Refs);
        QueryRagStream.ToSse(new QueryRagDelta("Hel")).Data.ShouldBe(new RagToken("Hel"));
        QueryRagStream.ToSse(new QueryRagFailed(AssistantErrors.KnowledgeUnavailable)).Data
            .ShouldBe(new RagStreamError("knowledge_unavailable", AssistantErrors.KnowledgeUnavailable.Message));
    }

    private static RagSource Source(int index, bool cited) =>
        new(index, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Returns", "Window", 2, 3, 0.5, "Within 30 days.", cited);

    private static QueryRagContextSource Context(int number) => new(number,
        new KnowledgeSearchHit(Guid.NewGuid(), Guid.NewGuid(), "Policy", Guid.NewGuid(), ["Returns", "Window"], null, number + 4, "Within 30 days.", number, 0.5, null, null),
        "Within 30 days.", 0.5);
}
