using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Conversations.SummarizeConversation;
using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

public sealed class SummarizeConversationWithoutModelTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task Without_a_summary_model_old_turns_are_dropped_and_nothing_is_summarised()
    {
        var caller = app.NewCaller();
        using var client = app.ClientFor(caller);
        var conversation = (await client.CreateConversationAsync(new { title = "Router", settings = new { context_max_turns = 1 } })).Id();
        await client.SendOkAsync(conversation, "My router is an X-100");
        await client.SendOkAsync(conversation, "Its light blinks red");
        await client.SendOkAsync(conversation, "What does red mean?");
        await Api.EventuallyAsync(() => SummaryRow.ProjectedMessagesAsync(app.ConnectionString, caller.TenantId), n => n == 6,
            "the bus delivered every message event");

        (await SummaryRow.ReadAsync(app.ConnectionString, conversation)).ShouldBe(new SummaryRow(null, 0));
        app.Services.GetKeyedService<IChatClient>(SummarizeConversationOptions.ChatClientKey).ShouldBeNull();
        var history = app.Assistant.Bodies.Last(b => b.Str("query") == "What does red mean?").GetProperty("history");
        history.EnumerateArray().Select(h => (h.Str("role"), h.Str("content"))).ShouldBe(
            [("user", "Its light blinks red"), ("assistant", FakeAssistant.AnswerFor("Its light blinks red"))]);
    }
}
