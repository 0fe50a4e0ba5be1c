using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

public sealed class FailingSummaryModelTests(FailingSummariesApp app) : IClassFixture<FailingSummariesApp>
{
    [Fact]
    public async Task A_failing_summary_model_leaves_turns_working_and_the_summary_unwritten()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync(new { title = "Router", settings = new { context_max_turns = 1 } })).Id();
        await client.SendOkAsync(conversation, "My router is an X-100");
        await client.SendOkAsync(conversation, "Its light blinks red");

        await Api.EventuallyAsync(() => Task.FromResult(app.Model.CallsTo(SummariesApp.ModelId)), calls => calls > 0,
            "the summariser asked the (failing) model");
        var reply = await client.SendOkAsync(conversation, "What does red mean?");

        reply.Str("content").ShouldBe(FakeAssistant.AnswerFor("What does red mean?"));
        (await SummaryRow.ReadAsync(app.ConnectionString, conversation)).ShouldBe(new SummaryRow(null, 0));
        var history = app.Assistant.Bodies.Last(b => b.Str("query") == "What does red mean?").GetProperty("history");
        history.EnumerateArray().Select(h => h.Str("role")).ShouldBe(["user", "assistant"]);
    }
}
