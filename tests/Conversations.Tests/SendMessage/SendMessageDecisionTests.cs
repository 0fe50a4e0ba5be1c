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
}
