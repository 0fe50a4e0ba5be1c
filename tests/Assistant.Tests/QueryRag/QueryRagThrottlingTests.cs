using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Assistant.Tests.Infrastructure;

namespace VoiceHelper.Assistant.Tests.QueryRag;

[Collection(RagCollection.Name)]
public sealed class QueryRagThrottlingTests(RagSystem system)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Knowledge_refusing_for_now_is_a_429_with_its_retry_after_not_a_503()
    {
        // Knowledge's answer when it throttles: the real service never throttles the Assistant (it limits only at the
        // edge), so this peer stands in for one that does.
        var searches = 0;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var knowledge = builder.Build();
        knowledge.MapPost("/api/v1/knowledge/search", (HttpContext http) =>
        {
            Interlocked.Increment(ref searches);
            http.Response.Headers.RetryAfter = "7";
            return Results.Problem(statusCode: 429, extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" });
        });
        await knowledge.StartAsync(Ct);
        var address = knowledge.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var tenant = system.NewTenant(system.StartAssistant(new Dictionary<string, string?> { ["services:knowledge:http:0"] = address }));

        using var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query",
            new { query = "How many days do I have to return an item?", kb_ids = new[] { Guid.NewGuid() } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(7);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("rate_limited");
        searches.ShouldBe(1);
    }
}
