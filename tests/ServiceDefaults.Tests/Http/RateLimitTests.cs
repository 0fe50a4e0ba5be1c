using System.Net;
using System.Text.Json;

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
            using var allowed = await app.Client.GetAsync("/does-not-exist", Ct);
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using var limited = await app.Client.GetAsync("/does-not-exist", Ct);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Health_and_metrics_are_never_rate_limited()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:PermitsPerIp"] = "1" });

        for (var i = 0; i < 5; i++)
        {
            using var alive = await app.Client.GetAsync("/alive", Ct);
            alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
