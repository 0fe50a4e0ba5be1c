using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.SendMessage;

namespace VoiceHelper.Conversations.Tests.SendMessage;

public sealed class SendMessageDecisionTests
{
    [Theory]
    [InlineData(false, false, 10, MessageStatuses.Complete)]
    [InlineData(true, false, 0, MessageStatuses.Interrupted)]
    [InlineData(true, false, 10, MessageStatuses.Interrupted)]
    [InlineData(false, true, 10, MessageStatuses.Interrupted)]
    [InlineData(false, true, 0, null)]
    public void The_answer_status_follows_who_stopped_the_turn(bool clientGone, bool assistantFailed, int length, string? expected) =>
        SendMessageDecision.AnswerStatus(clientGone, assistantFailed, length).ShouldBe(expected);

    [Fact]
    public void The_summary_leads_the_history_sent_to_the_assistant()
    {
        var conversation = new Conversation { Title = "t", Summary = "The caller owns an X-100." };
        var window = new[] { new ContextMessage(3, MessageRoles.User, "Hi", 5), new ContextMessage(4, MessageRoles.Assistant, "Hello", 5) };

        var query = SendMessageDecision.Query(conversation, "And now?", window, stream: false);

        query.History.ShouldBe([new("summary", "The caller owns an X-100."), new("user", "Hi"), new("assistant", "Hello")]);
    }

    [Fact]
    public void Without_a_summary_the_history_is_the_window_alone()
    {
        var window = new[] { new ContextMessage(1, MessageRoles.User, "Hi", 5) };

        SendMessageDecision.Query(new Conversation { Title = "t" }, "And now?", window, stream: false).History.ShouldBe([new("user", "Hi")]);
    }
}
