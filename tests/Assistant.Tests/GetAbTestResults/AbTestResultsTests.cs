using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.RecordAbTestFeedback;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.GetAbTestResults;

/// <summary>An A/B test end to end: create, start, sticky assignment in the answers, results with feedback, stop.</summary>
[Collection(RagCollection.Name)]
public sealed class AbTestResultsTests(RagSystem system) : IAsyncLifetime
{
    private FakeChatCompletionsServer _model = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeChatCompletionsServer.StartAsync();
        _model.Answer = "You can return any item within 30 days of delivery [1].";
    }

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Users_keep_their_variant_each_variant_routes_its_model_and_prompt_and_the_results_count_answers_and_feedback()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "arm-a", outputPrice: 1);
        await tenant.AddModelAsync(_model, "arm-b", outputPrice: 2);
        var created = await tenant.Assistant.PostAsJsonAsync("/api/v1/ab-tests", new
        {
            name = "cheaper model, brief prompt",
            variants = new object[]
            {
                new { name = "control", weight = 50, model = "arm-a" },
                new { name = "brief", weight = 50, model = "arm-b", prompt = "Answer in one short sentence." },
            },
        }, Ct);
        var test = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, test.ToString());
        var testId = test.GetProperty("id").GetGuid();
        test.GetProperty("status").GetString().ShouldBe("draft");
        (await tenant.Assistant.PostAsync($"/api/v1/ab-tests/{testId}/start", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var variants = new[] { new AbTestVariant("control", 50, "arm-a", null), new AbTestVariant("brief", 50, "arm-b", "Answer in one short sentence.") };
        var asked = new Dictionary<string, int> { ["control"] = 0, ["brief"] = 0 };
        var conversations = new List<(Guid User, Guid Conversation)>();
        for (var u = 0; u < 8; u++)
        {
            var user = Guid.NewGuid();
            var expected = AbAssignment.Assign(user, testId, variants);
            var client = system.As(tenant, user, "member");
            for (var i = 0; i < 2; i++)
            {
                var conversation = Guid.NewGuid();
                var response = await client.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb, conversationId: conversation), Ct);
                var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToString());
                answer.GetProperty("ab_test_id").GetGuid().ShouldBe(testId);
                answer.GetProperty("ab_test_variant").GetString().ShouldBe(expected.Name);
                answer.GetProperty("model").GetString().ShouldBe(expected.Model);
                asked[expected.Name]++;
                conversations.Add((user, conversation));
            }
        }
        // The brief variant's instruction went to its model, the control's prompt has none.
        _model.Requests.Where(r => r.GetProperty("model").GetString() == "arm-b")
            .ShouldAllBe(r => r.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("content").GetString() == "Answer in one short sentence."));
        _model.Requests.Where(r => r.GetProperty("model").GetString() == "arm-a")
            .ShouldAllBe(r => r.GetProperty("messages").EnumerateArray().All(m => m.GetProperty("content").GetString() != "Answer in one short sentence."));

        // Conversations' feedback events: the first rated conversation up, twice (redelivered), the second down; one outside any answer.
        var dataSource = system.Assistant.Services.GetRequiredService<NpgsqlDataSource>();
        var now = DateTimeOffset.UtcNow;
        var (firstUser, firstConversation) = conversations[0];
        var firstMessage = Guid.NewGuid();
        for (var i = 0; i < 2; i++)
        {
            await RecordAbTestFeedbackHandler.HandleAsync(new ConversationFeedbackSubmitted(tenant.TenantId, firstUser, firstConversation, firstMessage,
                "up", now, now), dataSource, Ct);
        }
        var (secondUser, secondConversation) = conversations[^1];
        await RecordAbTestFeedbackHandler.HandleAsync(new ConversationFeedbackSubmitted(tenant.TenantId, secondUser, secondConversation, Guid.NewGuid(),
            "down", now, now), dataSource, Ct);
        await RecordAbTestFeedbackHandler.HandleAsync(new ConversationFeedbackSubmitted(tenant.TenantId, firstUser, Guid.NewGuid(), Guid.NewGuid(),
            "down", now, now), dataSource, Ct);

        var results = await tenant.Assistant.GetFromJsonAsync<JsonElement>($"/api/v1/ab-tests/{testId}/results", Ct);
        var rows = results.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        foreach (var (name, count) in asked)
        {
            var row = rows[name];
            row.GetProperty("requests").GetInt32().ShouldBe(count);
            if (count > 0)
            {
                row.GetProperty("success_rate").GetDouble().ShouldBe(1);
                row.GetProperty("latency_p50_ms").GetDouble().ShouldBeGreaterThan(0);
                row.GetProperty("latency_p95_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(row.GetProperty("latency_p50_ms").GetDouble());
                row.GetProperty("total_tokens").GetInt64().ShouldBe(count * 51L);
                row.GetProperty("cost_usd").GetDecimal().ShouldBe(count * 9 * (name == "control" ? 1m : 2m) / 1000);
            }
        }
        var firstVariant = AbAssignment.Assign(firstUser, testId, variants).Name;
        var secondVariant = AbAssignment.Assign(secondUser, testId, variants).Name;
        rows.Values.Sum(r => r.GetProperty("feedback_up").GetInt32()).ShouldBe(1);
        rows.Values.Sum(r => r.GetProperty("feedback_down").GetInt32()).ShouldBe(1);
        rows[firstVariant].GetProperty("feedback_up").GetInt32().ShouldBe(1);
        rows[secondVariant].GetProperty("feedback_down").GetInt32().ShouldBe(1);
        var significance = results.GetProperty("success_significance");
        significance.GetProperty("enough_data").GetBoolean().ShouldBeFalse();
        significance.GetProperty("significant").GetBoolean().ShouldBeFalse();

        (await tenant.Assistant.PostAsync($"/api/v1/ab-tests/{testId}/stop", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await tenant.AskAsync(RouterApi.Question(kb));
        after.GetProperty("ab_test_id").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await tenant.Assistant.PostAsync($"/api/v1/ab-tests/{testId}/start", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "ab_test_state");
    }

    [Fact]
    public async Task Weights_must_sum_to_100_variant_models_must_exist_one_test_runs_at_a_time_and_other_tenants_see_none()
    {
        var tenant = system.NewTenant();
        var uneven = await tenant.Assistant.PostAsJsonAsync("/api/v1/ab-tests", new
        {
            name = "uneven", variants = new[] { new { name = "a", weight = 50 }, new { name = "b", weight = 40 } },
        }, Ct);
        var problem = await uneven.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("variants", out _).ShouldBeTrue();

        var unknown = await tenant.Assistant.PostAsJsonAsync("/api/v1/ab-tests", new
        {
            name = "ghost", variants = new object[] { new { name = "a", weight = 50 }, new { name = "b", weight = 50, model = "ghost" } },
        }, Ct);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unknown_model");

        async Task<Guid> CreateAsync(string name)
        {
            var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/ab-tests", new
            {
                name, variants = new object[] { new { name = "a", weight = 70 }, new { name = "b", weight = 30, prompt = "Be brief." } },
            }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        }
        var first = await CreateAsync("first");
        var second = await CreateAsync("second");
        (await tenant.Assistant.PostAsync($"/api/v1/ab-tests/{first}/start", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await tenant.Assistant.PostAsync($"/api/v1/ab-tests/{second}/start", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "ab_test_already_running");

        var list = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/ab-tests?page_size=1", Ct);
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
        list.GetProperty("has_next").GetBoolean().ShouldBeTrue();

        var other = system.NewTenant();
        await (await other.Assistant.GetAsync($"/api/v1/ab-tests/{first}/results", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "ab_test_not_found");
        await (await other.Assistant.PostAsync($"/api/v1/ab-tests/{first}/stop", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "ab_test_not_found");
        var member = system.As(tenant, Guid.NewGuid(), "member");
        (await member.GetAsync($"/api/v1/ab-tests/{first}/results", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
