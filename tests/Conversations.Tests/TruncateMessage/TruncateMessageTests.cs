using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;

namespace VoiceHelper.Conversations.Tests.TruncateMessage;

public sealed class TruncateMessageTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task After_a_barge_in_the_next_turn_hears_only_what_was_spoken()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        var answer = await client.SendOkAsync(conversation, "Explain the warranty");

        var truncated = await client.PostAsJsonAsync(
            $"/api/v1/conversations/{conversation}/messages/{answer.Id()}/truncate", new { spoken_text = "Answer to: Explain " }, Ct);
        truncated.StatusCode.ShouldBe(HttpStatusCode.OK, await truncated.Content.ReadAsStringAsync(Ct));
        (await truncated.JsonAsync()).Str("status").ShouldBe("interrupted");
        await client.SendOkAsync(conversation, "Sorry, what?");

        var history = app.Assistant.Bodies.Last(b => b.Str("query") == "Sorry, what?").GetProperty("history");
        history[1].Str("content").ShouldBe("Answer to: Explain");
    }

    [Fact]
    public async Task Text_that_was_not_said_cannot_be_kept()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        var answer = await client.SendOkAsync(conversation, "Hi");

        var response = await client.PostAsJsonAsync(
            $"/api/v1/conversations/{conversation}/messages/{answer.Id()}/truncate", new { spoken_text = "Something else" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_a_prefix");
    }
}
