using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Tests.Infrastructure;
using static VoiceHelper.Assistant.Tests.Infrastructure.Api;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Tests.QueryRag;

[Collection(RagCollection.Name)]
public sealed class QueryRagTests(RagSystem system)
{
    [Fact]
    public async Task A_question_about_an_uploaded_document_is_answered_with_the_fact_and_a_citation_of_its_chunk()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        var returns = await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.IndexAsync(kb, "shipping.md", SupportDocuments.Shipping);

        var answer = await tenant.AskAsync(kb, "How many days do I have to return an item?");

        answer.GetProperty("answer").GetString()!.ShouldContain("30 days");
        answer.GetProperty("model").GetString().ShouldBe(ExtractiveChatClient.ModelId);
        answer.GetProperty("fallback_used").GetBoolean().ShouldBeFalse();
        var cited = answer.CitedSources().ToList();
        cited.ShouldNotBeEmpty();
        cited.ShouldAllBe(s => s.GetProperty("document_id").GetGuid() == returns);
        cited[0].GetProperty("snippet").GetString()!.ShouldContain("30 days");
        cited[0].GetProperty("chunk_id").GetGuid().ShouldNotBe(Guid.Empty);
        cited[0].GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        // The chunk's place in its document, as Knowledge numbered it: the short returns policy is one chunk, the first.
        cited[0].GetProperty("position").GetInt32().ShouldBe(0);
        cited[0].GetProperty("knowledge_base_id").GetGuid().ShouldBe(kb);
        answer.GetProperty("answer").GetString()!.ShouldContain($"[{cited[0].GetProperty("index").GetInt32()}]");
        var metrics = answer.GetProperty("metrics");
        metrics.GetProperty("cache_hit").GetBoolean().ShouldBeFalse();
        metrics.GetProperty("tokens_used").GetInt64().ShouldBeGreaterThan(0);
        metrics.GetProperty("total_latency").GetDouble().ShouldBeGreaterThan(0);
        answer.GetProperty("query_classifier").GetProperty("type").GetString().ShouldBe("factual");
        answer.Features().ShouldContain("rerank");
        answer.Features().ShouldContain("hybrid_retrieval");
    }

    [Fact]
    public async Task A_question_the_documents_do_not_answer_gets_i_dont_know_and_no_citation()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);

        var answer = await tenant.AskAsync(kb, "Do you offer student discounts on laptops?");

        answer.GetProperty("answer").GetString().ShouldBe(GroundedPrompt.DontKnowEnglish);
        answer.GetProperty("sources").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_chinese_question_is_answered_in_chinese_from_the_chinese_document()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "warranty.md", SupportDocuments.ChineseWarranty);

        var answer = await tenant.AskAsync(kb, "耳机的保修期是多久？");

        answer.GetProperty("answer").GetString()!.ShouldContain("两年保修");
        answer.GetProperty("query_classifier").GetProperty("language").GetString().ShouldBe("zh");
        answer.CitedSources().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Streaming_sends_the_sources_first_then_tokens_and_ends_with_the_metrics()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "shipping.md", SupportDocuments.Shipping);

        using var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query",
            new { query = "How long does express shipping take?", kb_ids = new[] { kb }, stream = true, use_cache = false }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = await ReadEventsAsync(response);

        events[0].Event.ShouldBe("refs");
        events[0].Data.GetProperty("sources").GetArrayLength().ShouldBeGreaterThan(0);
        events[^1].Event.ShouldBe("end");
        var tokens = events.Skip(1).SkipLast(1).ToList();
        tokens.Count.ShouldBeGreaterThan(3);
        tokens.ShouldAllBe(e => e.Event == "token");
        var streamed = string.Concat(tokens.Select(t => t.Data.GetProperty("delta").GetString()));
        var end = events[^1].Data;
        end.GetProperty("answer").GetString().ShouldBe(streamed);
        streamed.ShouldContain("next business day");
        end.GetProperty("metrics").GetProperty("generation_latency").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Accepting_an_event_stream_streams_the_same_answer_that_json_returns()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        var question = new { query = "How many days do I have to return an item?", kb_ids = new[] { kb }, use_cache = false };

        var json = await tenant.AskAsync(question);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rag/query") { Content = JsonContent.Create(question) };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await tenant.Assistant.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = await ReadEventsAsync(response);
        events.Select(e => e.Event).Distinct().ShouldBe(["refs", "token", "end"]);
        var end = events[^1].Data;
        end.GetProperty("answer").GetString().ShouldBe(json.GetProperty("answer").GetString());
        end.GetProperty("sources").GetRawText().ShouldBe(json.GetProperty("sources").GetRawText());
        end.Features().ShouldContain("streaming");
        json.Features().ShouldNotContain("streaming");
    }

    [Fact]
    public async Task A_streamed_question_about_another_tenants_knowledge_base_is_an_ordinary_404_problem()
    {
        var owner = system.NewTenant();
        var kb = await owner.CreateKnowledgeBaseAsync();
        var stranger = system.NewTenant();

        var response = await stranger.Assistant.PostAsJsonAsync("/api/v1/rag/query",
            new { query = "How many days do I have to return an item?", kb_ids = new[] { kb }, stream = true }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
    }

    [Fact]
    public async Task Another_tenants_knowledge_base_answers_404_and_reveals_nothing()
    {
        var owner = system.NewTenant();
        var kb = await owner.CreateKnowledgeBaseAsync();
        await owner.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        var stranger = system.NewTenant();

        var response = await stranger.Assistant.PostAsJsonAsync("/api/v1/rag/query",
            new { query = "How many days do I have to return an item?", kb_ids = new[] { kb } }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
        problem.GetRawText().ShouldNotContain("30 days");
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_every_field()
    {
        var tenant = system.NewTenant();

        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", new { query = "", kb_ids = Array.Empty<Guid>(), top_k = 0 }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldContain("query");
        fields.ShouldContain("kb_ids");
        fields.ShouldContain("top_k");

        var malformed = await tenant.Assistant.PostAsync("/api/v1/rag/query",
            new StringContent("{\"query\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var anonymous = system.Assistant.CreateClient();
        var unauthorized = await anonymous.PostAsJsonAsync("/api/v1/rag/query", new { query = "hi", kb_ids = new[] { Guid.NewGuid() } }, Ct);
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Chit_chat_and_out_of_scope_questions_are_answered_without_retrieval()
    {
        var tenant = system.NewTenant();
        // An id no tenant owns: retrieval would answer 404, so a 200 proves retrieval was skipped.
        var nobody = Guid.NewGuid();

        var hello = await tenant.AskAsync(nobody, "Hello!");
        var poem = await tenant.AskAsync(nobody, "Write a poem about the sea");

        hello.GetProperty("query_classifier").GetProperty("type").GetString().ShouldBe("chit_chat");
        hello.GetProperty("query_classifier").GetProperty("retrieval_skipped").GetBoolean().ShouldBeTrue();
        hello.GetProperty("sources").GetArrayLength().ShouldBe(0);
        poem.GetProperty("query_classifier").GetProperty("type").GetString().ShouldBe("out_of_scope");
        poem.GetProperty("metrics").GetProperty("retrieval_latency").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task Instructions_inside_a_document_do_not_change_the_answer()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "gift.md", SupportDocuments.Poisoned);
        await tenant.IndexAsync(kb, "shipping.md", SupportDocuments.Shipping);

        var gift = await tenant.AskAsync(kb, "How much does gift wrapping cost?");
        var shipping = await tenant.AskAsync(kb, "How long does standard shipping take?");

        gift.GetProperty("answer").GetString()!.ShouldContain("4 euros");
        gift.GetProperty("answer").GetString()!.ShouldNotContain("HACKED");
        shipping.GetProperty("answer").GetString()!.ShouldContain("3 to 5 business days");
        shipping.GetProperty("answer").GetString()!.ShouldNotContain("HACKED");
    }
}
