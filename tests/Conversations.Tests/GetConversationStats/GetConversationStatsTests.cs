using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;

namespace VoiceHelper.Conversations.Tests.GetConversationStats;

public sealed class GetConversationStatsTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task Stats_are_built_from_message_events_with_latency_tokens_cache_hits_and_feedback()
    {
        var owner = app.NewCaller(role: "owner");
        using var client = app.ClientFor(owner);
        var conversation = (await client.CreateConversationAsync()).Id();
        await client.SendOkAsync(conversation, "one");
        var answer = await client.SendOkAsync(conversation, "two");
        (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages/{answer.Id()}/feedback",
            new { rating = "up", comment = "clear" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stats = await Api.EventuallyAsync(async () =>
            {
                var response = await client.GetAsync("/api/v1/conversations/stats", Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
                return (await response.JsonAsync()).GetProperty("total");
            },
            total => total.GetProperty("messages").GetInt32() == 4, "the four message events are projected");

        stats.GetProperty("conversations").GetInt32().ShouldBe(1);
        stats.GetProperty("answers").GetInt32().ShouldBe(2);
        stats.GetProperty("tokens").GetInt64().ShouldBe(84);
        stats.GetProperty("cache_hit_ratio").GetDouble().ShouldBe(1.0);
        stats.GetProperty("latency_p50_ms").ValueKind.ShouldBe(JsonValueKind.Number);
        stats.GetProperty("latency_p95_ms").GetInt32().ShouldBeGreaterThanOrEqualTo(stats.GetProperty("latency_p50_ms").GetInt32());
        stats.GetProperty("feedback_up").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_member_cannot_read_the_tenants_stats()
    {
        using var client = app.ClientFor(app.NewCaller());

        await (await client.GetAsync("/api/v1/conversations/stats", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
