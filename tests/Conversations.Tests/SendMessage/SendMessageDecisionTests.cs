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

    [Fact]
    public void A_prepared_answer_is_stored_only_for_its_user_conversation_question_and_history()
    {
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = new Conversation { Id = Guid.NewGuid(), TenantId = tenant, UserId = user, Title = "t", LastSequence = 4 };
        var prepared = new PreparedAnswer(Guid.NewGuid(), tenant, user, conversation.Id, "Refunds?", 4, MessageStatuses.Complete, "Yes.");

        SendMessageDecision.PreparedAnswerError(prepared, conversation, user, " Refunds? ").ShouldBeNull();
        SendMessageDecision.PreparedAnswerError(null, conversation, user, "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerNotFound);
        SendMessageDecision.PreparedAnswerError(prepared, conversation, Guid.NewGuid(), "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerNotFound);
        SendMessageDecision.PreparedAnswerError(prepared with { TenantId = Guid.NewGuid() }, conversation, user, "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerNotFound);
        SendMessageDecision.PreparedAnswerError(prepared with { ConversationId = Guid.NewGuid() }, conversation, user, "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerNotFound);
        SendMessageDecision.PreparedAnswerError(prepared with { BaseSequence = 2 }, conversation, user, "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerStale);
        SendMessageDecision.PreparedAnswerError(prepared with { Status = PreparedAnswer.Pending }, conversation, user, "Refunds?").ShouldBe(ConversationErrors.PreparedAnswerStale);
        SendMessageDecision.PreparedAnswerError(prepared, conversation, user, "Returns?").ShouldBe(ConversationErrors.PreparedAnswerStale);
    }
}
