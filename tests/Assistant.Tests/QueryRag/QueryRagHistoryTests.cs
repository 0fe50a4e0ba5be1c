using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Tests.QueryRag;

public sealed class QueryRagHistoryTests
{
    private static readonly RagTurn Summary = new("summary", "The caller, Alice, owns an X-100.");

    /// <summary>Turns of exactly 10 tokens each (24 characters, 6 tokens, plus the per-message overhead).</summary>
    private static List<RagTurn> Turns(int count) =>
        Enumerable.Range(0, count).Select(i => new RagTurn(i % 2 == 0 ? "user" : "assistant", $"message {i:D2} " + new string('x', 13))).ToList();

    [Fact]
    public void History_that_fits_goes_whole_in_order_behind_its_summary()
    {
        var history = new List<RagTurn> { Summary };
        history.AddRange(Turns(4));

        var conversation = QueryRagHistory.Fit(history, 10_000)!;

        conversation.Summary.ShouldBe(Summary.Content);
        conversation.Turns.Select(t => t.Text).ShouldBe(Turns(4).Select(t => t.Content));
        conversation.Turns.Select(t => t.Role).ShouldBe([ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant]);
    }

    [Fact]
    public void Over_budget_the_oldest_turns_are_dropped_and_the_window_starts_with_a_question()
    {
        var turns = Turns(6);
        QueryRagHistory.Cost(turns[0].Content).ShouldBe(10);

        // Room for three turns: the oldest kept would be an answer whose question was dropped, so it goes too.
        var conversation = QueryRagHistory.Fit(turns, 35)!;

        conversation.Turns.Select(t => t.Text).ShouldBe(turns.Skip(4).Select(t => t.Content));
        conversation.Turns[0].Role.ShouldBe(ChatRole.User);
    }

    [Fact]
    public void The_summary_is_kept_ahead_of_the_oldest_turns()
    {
        var history = new List<RagTurn> { Summary };
        history.AddRange(Turns(6));
        var summaryCost = QueryRagHistory.Cost(Summary.Content) + 20;

        var conversation = QueryRagHistory.Fit(history, summaryCost + 20)!;

        conversation.Summary.ShouldBe(Summary.Content);
        conversation.Turns.Select(t => t.Text).ShouldBe(Turns(6).Skip(4).Select(t => t.Content));
    }

    [Fact]
    public void A_summary_larger_than_the_budget_is_left_out_rather_than_the_recent_turns()
    {
        var history = new List<RagTurn> { new("summary", string.Join(' ', Enumerable.Repeat("earlier", 400))) };
        history.AddRange(Turns(2));

        var conversation = QueryRagHistory.Fit(history, 100)!;

        conversation.Summary.ShouldBeNull();
        conversation.Turns.Count.ShouldBe(2);
    }

    [Fact]
    public void No_history_or_no_room_means_no_conversation_in_the_prompt()
    {
        QueryRagHistory.Fit(null, 1000).ShouldBeNull();
        QueryRagHistory.Fit([], 1000).ShouldBeNull();
        QueryRagHistory.Fit(Turns(2), 0).ShouldBeNull();
    }

    [Fact]
    public void Only_a_chat_model_gets_the_history()
    {
        QueryRagHistory.UsesHistory(ChatProvider.OpenAiCompatible, Turns(2)).ShouldBeTrue();
        QueryRagHistory.UsesHistory(ChatProvider.Extractive, Turns(2)).ShouldBeFalse();
        QueryRagHistory.UsesHistory(ChatProvider.OpenAiCompatible, null).ShouldBeFalse();
        QueryRagHistory.UsesHistory(ChatProvider.OpenAiCompatible, [new("user", " ")]).ShouldBeFalse();
    }

    [Fact]
    public void History_gets_what_the_grounded_prompt_and_the_answer_leave_of_the_context_window()
    {
        List<ChatMessage> prompt = [new(ChatRole.System, new string('s', 384)), new(ChatRole.User, new string('u', 3984))];

        // 100 + 1000 tokens of prompt, a quarter of 4096 for the answer: 1972 left, under the configured 2000.
        QueryRagHistory.HistoryBudget(2000, 4096, prompt).ShouldBe(4096 - 1024 - 1100);
        QueryRagHistory.HistoryBudget(500, 4096, prompt).ShouldBe(500);
        QueryRagHistory.HistoryBudget(2000, 1024, prompt).ShouldBe(0);
    }
}
