using VoiceHelper.Contracts;
using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.CreateConversation;

namespace VoiceHelper.Conversations.Tests.Common;

public sealed class ContextWindowTests
{
    private static ContextMessage M(long sequence, string role, int tokens) => new(sequence, role, $"m{sequence}", tokens);

    private static List<ContextMessage> Turns(int count, int tokensEach) =>
        Enumerable.Range(0, count * 2).Select(i => M(i + 1, i % 2 == 0 ? MessageRoles.User : MessageRoles.Assistant, tokensEach)).ToList();

    [Fact]
    public void History_that_exactly_fills_the_budget_is_sent_whole()
    {
        var history = Turns(4, 100);

        ContextWindow.Build(history, maxTurns: 10, maxTokens: 800).ShouldBe(history);
    }

    [Fact]
    public void One_token_less_than_the_history_drops_the_oldest_message_whole()
    {
        var history = Turns(4, 100);

        var window = ContextWindow.Build(history, maxTurns: 10, maxTokens: 799);

        window.ShouldBe(history.Skip(1).ToList());
    }

    [Fact]
    public void A_newest_message_larger_than_the_budget_is_never_cut_and_ends_the_window()
    {
        var history = Turns(2, 100);
        history.Add(M(5, MessageRoles.User, 50));
        history.Add(M(6, MessageRoles.Assistant, 5_000));

        ContextWindow.Build(history, maxTurns: 10, maxTokens: 4_000).ShouldBeEmpty();
    }

    [Fact]
    public void A_long_message_in_the_middle_stops_older_messages_from_jumping_the_gap()
    {
        var history = new List<ContextMessage> { M(1, "user", 10), M(2, "assistant", 5_000), M(3, "user", 10), M(4, "assistant", 10) };

        ContextWindow.Build(history, maxTurns: 10, maxTokens: 4_000).Select(m => m.Sequence).ShouldBe([3L, 4]);
    }

    [Fact]
    public void The_turn_limit_keeps_the_newest_turns_in_chronological_order()
    {
        var history = Turns(12, 10);

        var window = ContextWindow.Build(history, maxTurns: 10, maxTokens: 4_000);

        window.Count.ShouldBe(20);
        window[0].Sequence.ShouldBe(5);
        window[^1].Sequence.ShouldBe(24);
    }

    [Fact]
    public void Messages_already_in_the_summary_are_never_taken_again()
    {
        var history = Turns(3, 10);

        ContextWindow.Build(history, maxTurns: 10, maxTokens: 4_000, summarisedThrough: 2).Select(m => m.Sequence).ShouldBe([3L, 4, 5, 6]);
    }

    [Fact]
    public void Token_estimates_count_CJK_characters_one_by_one()
    {
        TokenEstimator.Count("abcdefgh").ShouldBe(TokenEstimator.PerMessageOverhead + 2);
        TokenEstimator.Count("你好世界").ShouldBe(TokenEstimator.PerMessageOverhead + 4);
    }

    [Fact]
    public void The_largest_window_a_conversation_can_be_configured_for_is_what_the_Assistant_accepts()
    {
        var settings = new CreateConversationRequest(Settings: new CreateConversationSettings(ContextMaxTurns: ConversationLimits.MaxContextTurns));
        new CreateConversationValidator().Validate(settings).IsValid.ShouldBeTrue();
        new CreateConversationValidator().Validate(settings with { Settings = new(ContextMaxTurns: ConversationLimits.MaxContextTurns + 1) }).IsValid.ShouldBeFalse();

        var window = ContextWindow.Build(Turns(ConversationLimits.MaxContextTurns + 20, 1), ConversationLimits.MaxContextTurns, maxTokens: 128_000);

        window.Count.ShouldBe(ConversationLimits.MaxHistoryMessages);
    }
}
