using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Tests.Infrastructure;
using static VoiceHelper.Assistant.Tests.Infrastructure.Api;

namespace VoiceHelper.Assistant.Tests.GetUsage;

[Collection(RagCollection.Name)]
public sealed class GetUsageTests(RagSystem system)
{
    [Fact]
    public async Task Usage_is_reported_per_model_for_the_callers_tenant_only_and_published_through_the_outbox()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AskAsync(kb, "How many days do I have to return an item?");
        await tenant.AskAsync(kb, "When are refunds issued?");

        var usage = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/usage", Ct);
        var other = await system.NewTenant().Assistant.GetFromJsonAsync<JsonElement>("/api/v1/usage", Ct);

        var extractive = usage.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "extractive");
        extractive.GetProperty("requests").GetInt32().ShouldBe(2);
        extractive.GetProperty("prompt_tokens").GetInt64().ShouldBeGreaterThan(0);
        usage.GetProperty("total_requests").GetInt32().ShouldBe(2);
        other.GetProperty("total_requests").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_a_400()
    {
        var tenant = system.NewTenant();

        var response = await tenant.Assistant.GetAsync("/api/v1/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
