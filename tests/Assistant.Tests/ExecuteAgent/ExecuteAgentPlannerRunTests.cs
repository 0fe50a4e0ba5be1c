using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Tests.Infrastructure;
using static VoiceHelper.Assistant.Tests.Infrastructure.Api;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>The agent on the embedded default (no chat model): the deterministic planner over the real tools and Knowledge.</summary>
[Collection(RagCollection.Name)]
public sealed class ExecuteAgentPlannerRunTests(RagSystem system)
{
    private const string Prices = """
        # Shipping prices

        Standard shipping costs 4.90 euros per order and takes 3 to 5 business days.
        Express shipping costs 12.50 euros per order and arrives the next business day.
        Gift wrapping is available for every item at checkout.
        """;

    [Fact]
    public async Task Look_up_then_compute_quotes_the_figure_with_its_source_and_computes_with_it()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "prices.md", Prices);

        var run = await tenant.ExecuteAsync(new { task = "Look up the express shipping fee and multiply it by 3" });

        run.Status().ShouldBe("completed", run.ToString());
        run.GetProperty("steps").GetArrayLength().ShouldBe(2);
        run.ToolCalls().Select(c => c.GetProperty("tool").GetString()).ShouldBe(["knowledge_search", "calculator"]);
        run.FinalResult().ShouldContain("12.5 * 3 = 37.5");
        run.FinalResult().ShouldContain("Express shipping costs 12.50 euros");
        run.GetProperty("stats").GetProperty("planner").GetString().ShouldBe("deterministic");
    }

    [Fact]
    public async Task Look_up_two_facts_then_compare_them()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "prices.md", Prices);

        var run = await tenant.ExecuteAsync(new { task = "Compare the standard and the express shipping cost" });

        run.Status().ShouldBe("completed", run.ToString());
        // Both lookups are independent: one step with two calls.
        run.GetProperty("steps")[0].GetProperty("tool_calls").GetArrayLength().ShouldBe(2);
        run.FinalResult().ShouldContain("Standard shipping cost: 4.9");
        run.FinalResult().ShouldContain("Express shipping cost: 12.5");
        run.FinalResult().ShouldContain("lower than express shipping cost by 7.6");
    }

    [Fact]
    public async Task A_figure_the_knowledge_base_does_not_hold_is_reported_missing_not_invented()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "prices.md", Prices);

        var run = await tenant.ExecuteAsync(new { task = "Look up the gift wrapping price and multiply it by 2" });

        run.Status().ShouldBe("completed", run.ToString());
        run.FinalResult().ShouldContain("I found no figure for gift wrapping price");
        run.FinalResult().ShouldContain("cannot compute");
        run.ToolCalls().ShouldNotContain(c => c.GetProperty("tool").GetString() == "calculator");
    }

    [Fact]
    public async Task A_task_of_no_known_shape_is_refused_plainly_and_nothing_runs()
    {
        var tenant = system.NewTenant();

        var run = await tenant.ExecuteAsync(new { task = "Write a friendly poem about our return policy" });

        run.Status().ShouldBe("unsupported");
        run.GetProperty("steps").GetArrayLength().ShouldBe(0);
        run.FinalResult().ShouldContain("Without a chat model");
    }

    [Fact]
    public async Task The_step_limit_returns_the_partial_result()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "prices.md", Prices);

        var run = await tenant.ExecuteAsync(new { task = "Look up the express shipping fee and multiply it by 3", max_steps = 1 });

        run.Status().ShouldBe("step_limit");
        run.GetProperty("steps").GetArrayLength().ShouldBe(1);
        run.FinalResult().ShouldContain("Observations so far");
        run.FinalResult().ShouldContain("12.50");
    }

    [Fact]
    public async Task Steps_stream_as_server_sent_events()
    {
        var tenant = system.NewTenant();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/execute") { Content = JsonContent.Create(new { task = "What is 17 * 23?" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await tenant.Assistant.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ReadEventsAsync(response);

        events.Select(e => e.Event).ShouldBe(["plan", "step", "end"]);
        events[1].Data.GetProperty("tool_calls")[0].GetProperty("result").GetProperty("value").GetString().ShouldBe("391");
        events[2].Data.GetProperty("final_result").GetString().ShouldBe("17 * 23 = 391.");
    }

    [Fact]
    public async Task A_finished_run_can_be_read_again_by_its_tenant_only()
    {
        var tenant = system.NewTenant();
        var run = await tenant.ExecuteAsync(new { task = "What is 6 * 7?" });
        var id = run.GetProperty("task_id").GetGuid();

        var stored = await tenant.Assistant.GetFromJsonAsync<JsonElement>($"/api/v1/agent/tasks/{id}", Ct);

        stored.GetProperty("task").GetString().ShouldBe("What is 6 * 7?");
        stored.GetProperty("final_result").GetString().ShouldBe("6 * 7 = 42.");
        stored.GetProperty("steps").GetArrayLength().ShouldBe(1);
        var other = system.NewTenant();
        (await other.Assistant.GetAsync($"/api/v1/agent/tasks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"task": ""}""", "task")]
    [InlineData("""{"task": "x", "max_steps": 0}""", "max_steps")]
    [InlineData("""{"task": "x", "max_steps": 1000}""", "max_steps")]
    [InlineData("""{"task": "x", "timeout": 0}""", "timeout")]
    [InlineData("""{"task": "x", "timeout": 3600}""", "timeout")]
    [InlineData("""{"task": "x", "mode": "yolo"}""", "mode")]
    public async Task Invalid_requests_answer_400_naming_the_field(string body, string field)
    {
        var tenant = system.NewTenant();

        var response = await tenant.Assistant.PostAsync("/api/v1/agent/execute", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task An_unknown_tool_answers_400_unknown_tool()
    {
        var tenant = system.NewTenant();

        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/agent/execute", new { task = "What is 1 + 1?", tools = new[] { "calculator", "shell" } }, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("unknown_tool");
        problem.GetProperty("detail").GetString()!.ShouldContain("shell");
    }
}
