using System.Text.Json;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.ExecuteAgent;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>The deterministic planner (no chat model): which shapes it recognises, and that it refuses the rest plainly.</summary>
public sealed class ExecuteAgentPlannerTests
{
    private static readonly string[] AllTools = AgentToolNames.BuiltIn;

    [Theory]
    [InlineData("Look up the express shipping fee and multiply it by 3", "express shipping fee", "{0} * 3")]
    [InlineData("What is the standard shipping fee times 2?", "standard shipping fee", "{0} * 2")]
    [InlineData("Find the gift wrapping price, then add 5", "gift wrapping price", "{0} + 5")]
    [InlineData("What is 20% of the express shipping fee?", "express shipping fee", "{0} * 20 / 100")]
    public void Look_up_then_compute_is_recognised(string task, string lookup, string expression)
    {
        var plan = ExecuteAgentPlanner.Plan(task, AllTools);

        plan.Shape.ShouldBe(ExecuteAgentShape.LookupThenCompute);
        plan.Lookups.ShouldBe([lookup]);
        plan.Expression.ShouldBe(expression);
        plan.Plan.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("Compare the standard and the express shipping fee", "standard shipping fee", "express shipping fee")]
    [InlineData("Compare the return window with the refund time", "return window", "refund time")]
    [InlineData("Which is cheaper, standard shipping or express shipping?", "standard shipping", "express shipping")]
    public void Look_up_two_facts_then_compare_is_recognised(string task, string a, string b)
    {
        var plan = ExecuteAgentPlanner.Plan(task, AllTools);

        plan.Shape.ShouldBe(ExecuteAgentShape.LookupAndCompare);
        plan.Lookups.ShouldBe([a, b]);
    }

    [Theory]
    [InlineData("What is 17 * 23?", "17 * 23")]
    [InlineData("calculate (2 + 3) / 4", "(2 + 3) / 4")]
    [InlineData("what is 6 times 7", "6 * 7")]
    public void Arithmetic_goes_to_the_calculator(string task, string expression)
    {
        var plan = ExecuteAgentPlanner.Plan(task, AllTools);

        plan.Shape.ShouldBe(ExecuteAgentShape.Compute);
        plan.Expression.ShouldBe(expression);
    }

    [Fact]
    public void The_time_and_a_url_are_recognised()
    {
        ExecuteAgentPlanner.Plan("What time is it?", AllTools).Shape.ShouldBe(ExecuteAgentShape.CurrentTime);
        var fetch = ExecuteAgentPlanner.Plan("Fetch https://status.example.com/api/health.", AllTools);
        fetch.Shape.ShouldBe(ExecuteAgentShape.Fetch);
        fetch.Url.ShouldBe("https://status.example.com/api/health");
    }

    [Theory]
    [InlineData("Write a poem about our return policy")]
    [InlineData("Summarise every complaint from last week and draft replies")]
    public void Other_tasks_are_refused_plainly_without_running_anything(string task)
    {
        var plan = ExecuteAgentPlanner.Plan(task, AllTools);

        plan.Shape.ShouldBe(ExecuteAgentShape.Unsupported);
        plan.Plan.ShouldBeEmpty();
        plan.Refusal!.ShouldContain("nothing was run");
        plan.Refusal!.ShouldContain("chat model");
    }

    [Fact]
    public void A_shape_whose_tool_the_request_did_not_allow_is_refused()
    {
        var plan = ExecuteAgentPlanner.Plan("Look up the express shipping fee and multiply it by 3", [AgentToolNames.KnowledgeSearch]);

        plan.Shape.ShouldBe(ExecuteAgentShape.Unsupported);
        plan.Refusal!.ShouldContain(AgentToolNames.Calculator);
    }

    [Fact]
    public void The_fact_is_the_sentence_that_matches_the_lookup_and_holds_a_figure()
    {
        var search = JsonSerializer.SerializeToElement(new
        {
            query = "express shipping fee",
            results = new[]
            {
                new { title = "Shipping", text = "Standard shipping costs 4.90 euros [1]. Express shipping costs 12.50 euros and arrives next day.", score = 0.9 },
                new { title = "Returns", text = "Returns are free within 30 days.", score = 0.5 },
            },
        });

        var fact = ExecuteAgentFacts.Find("express shipping fee", search, wantFigure: true);

        fact.ShouldNotBeNull();
        fact.Figure.ShouldBe(12.50m);
        fact.Title.ShouldBe("Shipping");
        fact.Sentence.ShouldStartWith("Express shipping costs 12.50");
    }

    [Fact]
    public void A_model_number_is_not_taken_for_the_figure()
    {
        var plan = ExecuteAgentPlanner.Plan("Look up how long to hold the X200 reset button and multiply it by 2", AllTools);
        var search = JsonSerializer.SerializeToElement(new
        {
            query = plan.Lookups[0],
            results = new[] { new { title = "Router X200", text = "To reset the X200 router, hold the reset button for 10 seconds.", score = 0.9 } },
        });

        plan.Shape.ShouldBe(ExecuteAgentShape.LookupThenCompute);
        ExecuteAgentFacts.Find(plan.Lookups[0], search, wantFigure: true)!.Figure.ShouldBe(10m);
    }

    [Fact]
    public void No_fact_is_made_up_when_the_passages_do_not_match_the_lookup()
    {
        var search = JsonSerializer.SerializeToElement(new
        {
            query = "gift wrapping price",
            results = new[] { new { title = "Returns", text = "Returns are free within 30 days.", score = 0.5 } },
        });

        ExecuteAgentFacts.Find("gift wrapping price", search, wantFigure: true).ShouldBeNull();
    }
}
