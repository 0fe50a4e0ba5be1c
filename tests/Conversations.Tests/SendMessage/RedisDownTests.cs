using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SendMessage;

public sealed class RedisDownTests(RedisDownApp app) : IClassFixture<RedisDownApp>
{
    [Fact]
    public async Task Turns_keep_working_with_the_full_context_after_Redis_stops()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        await client.SendOkAsync(conversation, "first");

        app.RedisServer.Stop();
        var second = await client.SendOkAsync(conversation, "second");
        var third = await client.SendOkAsync(conversation, "third");

        second.Str("content").ShouldBe(FakeAssistant.AnswerFor("second"));
        third.Str("content").ShouldBe(FakeAssistant.AnswerFor("third"));
        // Rebuilt from PostgreSQL: the history holds both earlier turns.
        var history = app.Assistant.Bodies.Last(b => b.Str("query") == "third").GetProperty("history");
        history.EnumerateArray().Select(h => h.Str("content")).ShouldBe(
            ["first", FakeAssistant.AnswerFor("first"), "second", FakeAssistant.AnswerFor("second")]);
        (await client.MessagesAsync(conversation)).Count.ShouldBe(6);
    }
}
