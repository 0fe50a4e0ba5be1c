using System.Diagnostics;
using System.Net;
using System.Text.Json;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Health;

public sealed class HealthTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_a_stopped_redis_as_unhealthy_while_alive_stays_up()
    {
        using var redis = await RedisServerProcess.StartAsync();
        await using var app = await TestApp.StartAsync(new() { ["ConnectionStrings:cache"] = redis.ConnectionString });

        using (var healthy = await app.Client.GetAsync("/health", Ct))
        {
            healthy.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        redis.Stop();

        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        string body;
        do
        {
            using var response = await app.Client.GetAsync("/health", Ct);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(Ct);
        }
        while (status == HttpStatusCode.OK && deadline.Elapsed < TimeSpan.FromSeconds(15));

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        // Aspire.StackExchange.Redis names its check after the package and the connection.
        var redisCheck = checks.EnumerateObject().Single(c => c.Name.Contains("redis", StringComparison.OrdinalIgnoreCase));
        redisCheck.Value.GetProperty("status").GetString().ShouldBe("unhealthy");
        using var alive = await app.Client.GetAsync("/alive", Ct);
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Openapi_document_is_served()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync("/openapi/v1.json", Ct);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.GetProperty("paths").TryGetProperty("/echo", out _).ShouldBeTrue();
    }
}
