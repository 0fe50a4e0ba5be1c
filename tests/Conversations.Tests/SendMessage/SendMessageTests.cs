using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SendMessage;

public sealed class SendMessageTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task A_turn_stores_question_and_answer_with_sources_and_sends_the_history_with_the_callers_token()
    {
        var caller = app.NewCaller();
        using var client = app.ClientFor(caller);
        var conversation = (await client.CreateConversationAsync(new { title = "Billing", kb_ids = new[] { Guid.NewGuid() } })).Id();

        var first = await client.SendOkAsync(conversation, "How do I pay?");
        first.Str("role").ShouldBe("assistant");
        first.Str("content").ShouldBe(FakeAssistant.AnswerFor("How do I pay?"));
        first.Str("status").ShouldBe("complete");
        first.GetProperty("sources")[0].GetProperty("chunk_id").GetGuid().ShouldBe(FakeAssistant.ChunkId);
        first.GetProperty("tokens_used").GetInt32().ShouldBe(42);
        first.GetProperty("cache_hit").GetBoolean().ShouldBeTrue();
        await client.SendOkAsync(conversation, "And refunds?");

        var asked = app.Assistant.Bodies.Last(b => b.Str("query") == "And refunds?");
        var history = asked.GetProperty("history").EnumerateArray().Select(h => (h.Str("role"), h.Str("content"))).ToList();
        history.ShouldBe([("user", "How do I pay?"), ("assistant", FakeAssistant.AnswerFor("How do I pay?"))]);
        asked.GetProperty("kb_ids").GetArrayLength().ShouldBe(1);
        app.Assistant.Authorizations.ShouldContain($"Bearer {caller.Token}");

        var messages = await client.MessagesAsync(conversation);
        messages.Select(m => m.Str("role")).ShouldBe(["user", "assistant", "user", "assistant"]);
        messages.Select(m => m.GetProperty("sequence").GetInt64()).ShouldBe([1L, 2, 3, 4]);
    }

    [Fact]
    public async Task A_streamed_answer_arrives_as_refs_tokens_and_end_with_the_stored_message()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
        {
            Content = JsonContent.Create(new { content = "Opening hours?" }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");

        var events = await Api.ReadEventsAsync(await response.Content.ReadAsStreamAsync(Ct));
        events.First().Event.ShouldBe("refs");
        events.Last().Event.ShouldBe("end");
        string.Concat(events.Where(e => e.Event == "token").Select(e => e.Data.Str("delta"))).ShouldBe(FakeAssistant.AnswerFor("Opening hours?"));
        var end = events.Last().Data;
        end.Str("content").ShouldBe(FakeAssistant.AnswerFor("Opening hours?"));
        (await client.MessagesAsync(conversation)).Last().Id().ShouldBe(end.Id());
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_stream_leaves_an_interrupted_message_with_the_text_so_far()
    {
        var fake = app.Assistant;
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        fake.StallAfterTokens = 2;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
            {
                Content = JsonContent.Create(new { content = "Tell me everything" }),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            var events = await Api.ReadEventsAsync(await response.Content.ReadAsStreamAsync(Ct),
                stopAfter: e => e.Count(x => x.Item1 == "token") == 2);
            events.Count(e => e.Event == "token").ShouldBe(2);
            response.Dispose(); // the client goes away while the answer is still being produced
        }
        finally
        {
            fake.StallAfterTokens = null;
        }

        var messages = await Api.EventuallyAsync(() => client.MessagesAsync(conversation), m => m.Count == 2, "the interrupted turn is stored");
        messages[1].Str("status").ShouldBe("interrupted");
        messages[1].Str("content").ShouldBe("Answer to:");

        // The next turn carries exactly what was produced before the disconnect.
        await client.SendOkAsync(conversation, "Go on");
        var history = fake.Bodies.Last(b => b.Str("query") == "Go on").GetProperty("history");
        history[1].Str("content").ShouldBe("Answer to:");
    }

    [Fact]
    public async Task Twenty_concurrent_sends_to_one_conversation_are_stored_in_strict_turn_order()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();

        var sends = Enumerable.Range(1, 20).Select(i => client.SendAsync(conversation, $"question {i}")).ToList();
        foreach (var response in await Task.WhenAll(sends))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }

        var messages = await client.MessagesAsync(conversation);
        messages.Count.ShouldBe(40);
        messages.Select(m => m.GetProperty("sequence").GetInt64()).ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        for (var i = 0; i < 40; i += 2)
        {
            messages[i].Str("role").ShouldBe("user");
            messages[i + 1].Str("content").ShouldBe(FakeAssistant.AnswerFor(messages[i].Str("content")));
        }
        // Serialised turns: each question was asked with every earlier turn of the conversation in its history.
        var asked = app.Assistant.Bodies.Where(b => b.GetProperty("conversation_id").GetGuid() == conversation).ToList();
        asked.Select(b => b.GetProperty("history").GetArrayLength()).Order().ShouldBe(Enumerable.Range(0, 20).Select(i => Math.Min(i, 10) * 2));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_answer_without_asking_again()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(conversation, "Reset my password", key);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var callsAfterFirst = app.Assistant.Bodies.Count(b => b.GetProperty("conversation_id").GetGuid() == conversation);
        var retry = await client.SendAsync(conversation, "Reset my password", key);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.JsonAsync()).Id().ShouldBe((await first.JsonAsync()).Id());
        callsAfterFirst.ShouldBe(1);
        app.Assistant.Bodies.Count(b => b.GetProperty("conversation_id").GetGuid() == conversation).ShouldBe(1);
        (await client.MessagesAsync(conversation)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public async Task An_empty_or_blank_message_is_a_validation_problem(string content)
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();

        var problem = await (await client.SendAsync(conversation, content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("content", out _).ShouldBeTrue();
        (await client.MessagesAsync(conversation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_100_KB_message_is_refused_as_too_large()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();

        await (await client.SendAsync(conversation, new string('a', 100 * 1024))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await client.MessagesAsync(conversation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_tenants_or_users_conversation_answers_404()
    {
        var owner = app.NewCaller();
        using var ownerClient = app.ClientFor(owner);
        var conversation = (await ownerClient.CreateConversationAsync()).Id();
        using var colleague = app.ClientFor(app.NewCaller(owner.TenantId));
        using var stranger = app.ClientFor(app.NewCaller(role: "owner"));

        foreach (var other in new[] { colleague, stranger })
        {
            await (await other.SendAsync(conversation, "hi")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await other.GetAsync($"/api/v1/conversations/{conversation}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await other.GetAsync($"/api/v1/conversations/{conversation}/messages", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await other.DeleteAsync($"/api/v1/conversations/{conversation}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        }
        app.Assistant.Bodies.ShouldNotContain(b => b.GetProperty("conversation_id").GetGuid() == conversation);
    }

    [Fact]
    public async Task An_assistant_outage_answers_502_and_stores_nothing()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        app.Assistant.Fail = true;
        try
        {
            await (await client.SendAsync(conversation, "Anyone there?")).ShouldBeProblemAsync(HttpStatusCode.BadGateway, "assistant_unavailable");
        }
        finally
        {
            app.Assistant.Fail = false;
        }
        (await client.MessagesAsync(conversation)).ShouldBeEmpty();
    }
}
