using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.ServiceDefaults.Tests.Problems;

public sealed class ProblemDetailsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_request_goes_through_mediator_and_returns_snake_case_json()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsJsonAsync("/echo", new { name = "hi", count = 2 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"name":"HI","count":2}""");
    }

    [Fact]
    public async Task Validation_failure_lists_every_field_with_a_stable_code()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsJsonAsync("/echo", new { name = "", count = 99 }, Ct);
        var problem = await Problem(response);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("count", out _).ShouldBeTrue();
        problem.GetProperty("trace_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Expected_failure_from_a_handler_becomes_its_problem()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsJsonAsync("/echo", new { name = "missing", count = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Problem(response)).GetProperty("code").GetString().ShouldBe("echo_not_found");
    }

    [Theory]
    [InlineData("""{"name":"x","count":"many"}""", "count")]
    [InlineData("""{"name":"x","count":""", "count")]
    [InlineData("""[1,2,3]""", "$")]
    public async Task Malformed_json_is_a_400_naming_the_field(string body, string field)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsync("/echo", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = await Problem(response);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("invalid_json");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Empty_body_is_a_400_problem()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsync("/echo", new StringContent("", Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Problem(response)).GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem()
    {
        await using var app = await TestApp.StartAsync(new() { ["Http:MaxRequestBodyBytes"] = "1024" });
        var huge = JsonSerializer.Serialize(new { name = new string('x', 5000), count = 1 });

        using var response = await app.Client.PostAsync("/echo", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Problem(response)).GetProperty("code").GetString().ShouldBe("payload_too_large");
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_read_to_its_end_and_answered_413_on_a_connection_that_stays_usable()
    {
        await using var app = await TestApp.StartAsync();
        var twoMegabytes = JsonSerializer.Serialize(new { name = new string('x', 2 * 1024 * 1024), count = 1 });

        // What nginx does: send the whole body, then read the answer. A refusal that closes the connection mid-body
        // reaches the sender as a reset (nginx's 502), not as this 413.
        for (var i = 0; i < 3; i++)
        {
            using var response = await app.Client.PostAsync("/echo", new StringContent(twoMegabytes, Encoding.UTF8, "application/json"), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await Problem(response)).GetProperty("code").GetString().ShouldBe("payload_too_large");
            response.Headers.ConnectionClose.ShouldNotBe(true);
        }
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync("/does-not-exist", Ct);
        var problem = await Problem(response);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        problem.GetProperty("trace_id").GetString().ShouldNotBeNullOrEmpty();
        problem.TryGetProperty("traceId", out _).ShouldBeFalse(customMessage: problem.ToString());
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_without_stack_trace_or_detail()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync("/boom", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.ShouldContain("\"code\":\"internal_error\"");
        text.ShouldContain("\"trace_id\"");
        text.ShouldNotContain("secret internal detail");
        text.ShouldNotContain(" at ");
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
}
