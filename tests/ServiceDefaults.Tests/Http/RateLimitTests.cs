using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Http;

public sealed class RateLimitTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exceeding_the_per_ip_limit_gives_429_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:PermitsPerIp"] = "3", ["RateLimits:Window"] = "00:01:00" });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await ThroughGateway(app, "/does-not-exist");
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using var limited = await ThroughGateway(app, "/does-not-exist");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public async Task A_tenant_shares_one_limit_across_its_users()
    {
        using var tokens = new TestTokens();
        await using var app = await TestApp.StartAsync(
            new() { ["RateLimits:PermitsPerUser"] = "100", ["RateLimits:PermitsPerTenant"] = "3" }, tokens);
        var tenant = Guid.NewGuid();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await ThroughGateway(app, "/secure", tokens.Issue(tenant, Guid.NewGuid()));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var limited = await ThroughGateway(app, "/secure", tokens.Issue(tenant, Guid.NewGuid()));
        using var otherTenant = await ThroughGateway(app, "/secure", tokens.Issue(Guid.NewGuid(), Guid.NewGuid()));

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        otherTenant.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Calls_between_services_are_not_limited_again()
    {
        using var tokens = new TestTokens();
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:PermitsPerUser"] = "1", ["RateLimits:PermitsPerIp"] = "1" }, tokens);
        var token = tokens.Issue(Guid.NewGuid(), Guid.NewGuid());

        using var atTheEdge = await ThroughGateway(app, "/secure", token);
        for (var i = 0; i < 5; i++)
        {
            // The same user's token, forwarded by another service (no gateway header): its permit was spent at the edge.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/secure");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var internalCall = await app.Client.SendAsync(request, Ct);
            internalCall.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var again = await ThroughGateway(app, "/secure", token);

        atTheEdge.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Health_and_metrics_are_never_rate_limited()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:PermitsPerIp"] = "1" });

        for (var i = 0; i < 5; i++)
        {
            using var alive = await ThroughGateway(app, "/alive");
            alive.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var metrics = await ThroughGateway(app, "/metrics");
            metrics.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>What the gateway forwards: the request with its edge header set.</summary>
    private static async Task<HttpResponseMessage> ThroughGateway(TestApp app, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(EdgeRequest.HeaderName, "1");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await app.Client.SendAsync(request, Ct);
    }
}
