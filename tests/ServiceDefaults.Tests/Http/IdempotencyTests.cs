using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceHelper.ServiceDefaults.Tests.Http;

/// <summary>Against the real Redis started by scripts/test.sh.</summary>
public sealed class IdempotencyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Same_key_and_body_replays_the_first_response_without_running_again()
    {
        await using var app = await TestApp.StartAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Post(app, key, new { name = "a", count = 1 });
        using var second = await Post(app, key, new { name = "a", count = 1 });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.GetValues("Idempotency-Replayed").ShouldContain("true");
        app.Executions.ShouldBe(1);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_a_422()
    {
        await using var app = await TestApp.StartAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Post(app, key, new { name = "a", count = 1 });
        using var second = await Post(app, key, new { name = "b", count = 1 });

        second.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("idempotency_key_reused");
        app.Executions.ShouldBe(1);
    }

    [Fact]
    public async Task Different_keys_and_no_key_each_run()
    {
        await using var app = await TestApp.StartAsync();

        using var a = await Post(app, Guid.NewGuid().ToString(), new { name = "a", count = 1 });
        using var b = await Post(app, Guid.NewGuid().ToString(), new { name = "a", count = 1 });
        using var c = await Post(app, null, new { name = "a", count = 1 });

        app.Executions.ShouldBe(3);
    }

    private static async Task<HttpResponseMessage> Post(TestApp app, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await app.Client.SendAsync(request, Ct);
    }
}
