using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.SummarizeConversation;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

public sealed class SummarizeConversationDecisionTests
{
    private static ContextMessage M(long sequence, int tokens) =>
        new(sequence, sequence % 2 == 1 ? MessageRoles.User : MessageRoles.Assistant, $"m{sequence}", tokens);

    private static List<ContextMessage> Messages(long from, long to, int tokensEach) =>
        Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => M(s, tokensEach)).ToList();

    [Fact]
    public void Nothing_is_evicted_while_the_whole_history_fits_the_window() =>
        SummarizeConversationDecision.Evict(Messages(1, 4, 10), 0, maxTurns: 2, maxTokens: 4_000, maxBatchTokens: 3_000).ShouldBeEmpty();

    [Fact]
    public void Turns_older_than_the_turn_limit_are_evicted_oldest_first()
    {
        var evicted = SummarizeConversationDecision.Evict(Messages(1, 6, 10), 0, maxTurns: 2, maxTokens: 4_000, maxBatchTokens: 3_000);

        evicted.Select(m => m.Sequence).ShouldBe([1L, 2]);
    }

    [Fact]
    public void Only_messages_after_the_summary_are_evicted_again()
    {
        var evicted = SummarizeConversationDecision.Evict(Messages(3, 8, 10), summarisedThrough: 2, maxTurns: 2, maxTokens: 4_000, maxBatchTokens: 3_000);

        evicted.Select(m => m.Sequence).ShouldBe([3L, 4]);
    }

    [Fact]
    public void Messages_pushed_out_by_the_token_budget_are_evicted_even_within_the_turn_limit()
    {
        // Four turns of 100 tokens in a 250-token budget: the window holds the newest two messages only.
        var evicted = SummarizeConversationDecision.Evict(Messages(1, 8, 100), 0, maxTurns: 10, maxTokens: 250, maxBatchTokens: 3_000);

        evicted.Select(m => m.Sequence).ShouldBe([1L, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void A_long_backlog_is_evicted_in_batches_of_whole_messages_within_the_batch_budget()
    {
        var evicted = SummarizeConversationDecision.Evict(Messages(1, 40, 100), 0, maxTurns: 2, maxTokens: 4_000, maxBatchTokens: 350);

        evicted.Select(m => m.Sequence).ShouldBe([1L, 2, 3]);
    }

    [Fact]
    public void A_single_message_larger_than_the_batch_budget_is_still_evicted_whole()
    {
        var history = new List<ContextMessage> { M(1, 5_000) };
        history.AddRange(Messages(2, 5, 10));

        SummarizeConversationDecision.Evict(history, 0, maxTurns: 2, maxTokens: 4_000, maxBatchTokens: 300)
            .Select(m => m.Sequence).ShouldBe([1L]);
    }

    [Fact]
    public void A_conversation_that_sends_no_history_has_nothing_to_summarise() =>
        SummarizeConversationDecision.Evict(Messages(1, 6, 10), 0, maxTurns: 0, maxTokens: 4_000, maxBatchTokens: 3_000).ShouldBeEmpty();

    [Fact]
    public void The_prompt_merges_the_previous_summary_with_the_evicted_messages_quoted_as_data()
    {
        var prompt = SummarizeConversationDecision.Prompt("The caller owns an X-100.",
            [new ContextMessage(3, MessageRoles.User, "It blinks red", 5), new ContextMessage(4, MessageRoles.Assistant, "Restart it", 5)], 400);

        prompt.Count.ShouldBe(2);
        prompt[0].Role.Value.ShouldBe("system");
        prompt[1].Role.Value.ShouldBe("user");
        prompt[1].Text.ShouldContain("The caller owns an X-100.");
        prompt[1].Text.ShouldContain("Customer: It blinks red\nAssistant: Restart it");
    }

    [Fact]
    public void A_summary_over_its_budget_is_cut_at_a_word_and_stays_within_it()
    {
        var text = string.Join(' ', Enumerable.Repeat("warranty", 400));

        var bounded = SummarizeConversationDecision.Bound(text, maxSummaryTokens: 60)!;

        TokenEstimator.Count(bounded).ShouldBeLessThanOrEqualTo(60);
        bounded.ShouldEndWith("warranty…");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_answer_is_no_summary(string? text) =>
        SummarizeConversationDecision.Bound(text, 400).ShouldBeNull();

    [Fact]
    public void A_summary_within_its_budget_is_kept_as_written() =>
        SummarizeConversationDecision.Bound("  The caller owns an X-100. ", 400).ShouldBe("The caller owns an X-100.");
}
