using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.PrepareAnswer;

public sealed class PrepareAnswerTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task A_prepared_answer_stores_nothing_until_a_send_names_it_then_the_question_and_exactly_that_answer()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        await client.SendOkAsync(conversation, "First question");

        var events = await PrepareAsync(client, conversation, "Opening hours?");
        events.First().Event.ShouldBe("prepared");
        events.First().Data.GetProperty("base_sequence").GetInt64().ShouldBe(2);
        string.Concat(events.Where(e => e.Event == "token").Select(e => e.Data.Str("delta"))).ShouldBe(FakeAssistant.AnswerFor("Opening hours?"));
        var end = events.Last();
        end.Event.ShouldBe("end");
        end.Data.Str("status").ShouldBe("complete");
        var preparedId = end.Data.GetProperty("prepared_answer_id").GetGuid();
        // It was produced over the stored history, like a send.
        var asked = app.Assistant.Bodies.Last(b => b.Str("query") == "Opening hours?");
        asked.GetProperty("history").GetArrayLength().ShouldBe(2);
        (await client.MessagesAsync(conversation)).Count.ShouldBe(2);

        var askedBefore = app.Assistant.Bodies.Count;
        var stored = await CommitAsync(client, conversation, "Opening hours?", preparedId);
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync(Ct));
        (await stored.JsonAsync()).Str("content").ShouldBe(FakeAssistant.AnswerFor("Opening hours?"));
        app.Assistant.Bodies.Count.ShouldBe(askedBefore); // stored, not asked again
        var messages = await client.MessagesAsync(conversation);
        messages.Select(m => (m.Str("role"), m.Str("content"), m.Str("modality"))).Skip(2)
            .ShouldBe([("user", "Opening hours?", "voice"), ("assistant", FakeAssistant.AnswerFor("Opening hours?"), "voice")]);

        // Used once: a second send with the same id finds nothing.
        (await CommitAsync(client, conversation, "Opening hours?", preparedId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_users_a_changed_history_or_another_question_cannot_store_a_prepared_answer()
    {
        var owner = app.NewCaller();
        using var client = app.ClientFor(owner);
        var conversation = (await client.CreateConversationAsync()).Id();
        var preparedId = (await PrepareAsync(client, conversation, "Refunds?")).Last().Data.GetProperty("prepared_answer_id").GetGuid();

        // Another user of the same tenant, with a conversation of their own.
        using var other = app.ClientFor(app.NewCaller(owner.TenantId));
        var theirs = (await other.CreateConversationAsync()).Id();
        var stolen = await CommitAsync(other, theirs, "Refunds?", preparedId);
        stolen.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stolen.JsonAsync()).Str("code").ShouldBe("prepared_answer_not_found");
        (await other.MessagesAsync(theirs)).ShouldBeEmpty();

        var mismatch = await CommitAsync(client, conversation, "Something else?", preparedId);
        mismatch.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await mismatch.JsonAsync()).Str("code").ShouldBe("prepared_answer_stale");

        await client.SendOkAsync(conversation, "Meanwhile");
        var stale = await CommitAsync(client, conversation, "Refunds?", preparedId);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.JsonAsync()).Str("code").ShouldBe("prepared_answer_stale");
        (await client.MessagesAsync(conversation)).Count.ShouldBe(2);

        // Another user's conversation cannot even be prepared in.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages/prepare")
        {
            Content = JsonContent.Create(new { content = "Mine?" }),
        };
        (await other.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_asker_that_goes_away_mid_answer_leaves_an_interrupted_prepared_answer_that_a_send_stores_as_interrupted()
    {
        var fake = app.Assistant;
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        Guid preparedId;
        fake.StallAfterTokens = 2;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages/prepare")
            {
                Content = JsonContent.Create(new { content = "Tell me everything" }),
            };
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            var events = await Api.ReadEventsAsync(await response.Content.ReadAsStreamAsync(Ct), stopAfter: e => e.Count(x => x.Item1 == "token") == 2);
            preparedId = events.First().Item2.GetProperty("prepared_answer_id").GetGuid();
            response.Dispose();
        }
        finally
        {
            fake.StallAfterTokens = null;
        }

        // The send waits for the prepared answer to settle, then stores what was produced.
        var stored = await CommitAsync(client, conversation, "Tell me everything", preparedId);
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync(Ct));
        var message = await stored.JsonAsync();
        message.Str("status").ShouldBe("interrupted");
        message.Str("content").ShouldBe("Answer to:");
    }

    [Fact]
    public async Task An_empty_question_is_a_validation_problem()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/prepare", new { content = " " }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<List<(string Event, JsonElement Data)>> PrepareAsync(HttpClient client, Guid conversation, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages/prepare")
        {
            Content = JsonContent.Create(new { content = question }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Api.ReadEventsAsync(await response.Content.ReadAsStreamAsync(Ct));
    }

    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, Guid conversation, string question, Guid preparedId) =>
        client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { content = question, modality = "voice", prepared_answer_id = preparedId }, Ct);
}
