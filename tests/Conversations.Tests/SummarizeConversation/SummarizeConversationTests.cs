using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

public sealed class SummarizeConversationTests(SummariesApp app) : IClassFixture<SummariesApp>
{
    private static readonly object TwoTurnWindow = new { title = "Router", settings = new { context_max_turns = 2 } };

    [Fact]
    public async Task Turns_that_leave_the_window_are_summarised_and_the_summary_leads_the_next_history()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync(TwoTurnWindow)).Id();
        await client.SendOkAsync(conversation, "My router is an X-100");
        await client.SendOkAsync(conversation, "Its light blinks red");
        await client.SendOkAsync(conversation, "What does red mean?");

        var first = await Api.EventuallyAsync(() => SummaryRow.ReadAsync(app.ConnectionString, conversation), r => r.Through > 0,
            "the first turn left the two-turn window and was summarised");
        first.ShouldBe(new SummaryRow(SummariesApp.SummaryText, 2));
        SummaryPrompts().ShouldContain(p => p.Contains("Customer: My router is an X-100") && p.Contains("Previous summary:\n(none)"));

        await client.SendOkAsync(conversation, "How do I fix it?");
        History("How do I fix it?").ShouldBe(
        [
            ("summary", SummariesApp.SummaryText),
            ("user", "Its light blinks red"), ("assistant", FakeAssistant.AnswerFor("Its light blinks red")),
            ("user", "What does red mean?"), ("assistant", FakeAssistant.AnswerFor("What does red mean?")),
        ]);

        // The next summary folds only the newly evicted turn into the previous summary.
        (await Api.EventuallyAsync(() => SummaryRow.ReadAsync(app.ConnectionString, conversation), r => r.Through == 4,
            "the second turn was folded in")).Summary.ShouldBe(SummariesApp.SummaryText);
        var second = SummaryPrompts().Single(p => p.Contains("Customer: Its light blinks red"));
        second.ShouldContain($"Previous summary:\n{SummariesApp.SummaryText}");
        second.ShouldNotContain("My router is an X-100");
    }

    [Fact]
    public async Task After_a_barge_in_the_history_holds_the_summary_and_only_what_was_spoken()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync(TwoTurnWindow)).Id();
        await client.SendOkAsync(conversation, "I have a Z-9 modem");
        await client.SendOkAsync(conversation, "It keeps rebooting");
        var answer = await client.SendOkAsync(conversation, "Why does it reboot?");
        await Api.EventuallyAsync(() => SummaryRow.ReadAsync(app.ConnectionString, conversation), r => r.Through == 2, "the first turn was summarised");

        var truncated = await client.PostAsJsonAsync(
            $"/api/v1/conversations/{conversation}/messages/{answer.Id()}/truncate", new { spoken_text = "Answer to: Why" }, Ct);
        truncated.StatusCode.ShouldBe(HttpStatusCode.OK, await truncated.Content.ReadAsStringAsync(Ct));
        await client.SendOkAsync(conversation, "Sorry?");

        History("Sorry?").ShouldBe(
        [
            ("summary", SummariesApp.SummaryText),
            ("user", "It keeps rebooting"), ("assistant", FakeAssistant.AnswerFor("It keeps rebooting")),
            ("user", "Why does it reboot?"), ("assistant", "Answer to: Why"),
        ]);
    }

    private List<(string, string)> History(string query) =>
        app.Assistant.Bodies.Last(b => b.Str("query") == query).GetProperty("history").EnumerateArray()
            .Select(h => (h.Str("role"), h.Str("content"))).ToList();

    private List<string> SummaryPrompts() =>
        app.Model.Requests.Select(r => r.GetProperty("messages")[1].GetProperty("content").GetString()!).ToList();
}
