using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Login;

public sealed class LoginTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_window_has_passed()
    {
        var account = await Api.RegisterAsync(_client);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Wrong-Password-1" }, Ct);
            await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var fifth = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Wrong-Password-1" }, Ct);
        await fifth.ShouldBeProblemAsync(HttpStatusCode.Locked, "account_locked");
        var rightButLocked = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }, Ct);
        await rightButLocked.ShouldBeProblemAsync(HttpStatusCode.Locked, "account_locked");

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }, Ct);
        await stillLocked.ShouldBeProblemAsync(HttpStatusCode.Locked, "account_locked");

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var unlocked = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }, Ct);
        unlocked.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer_in_similar_time()
    {
        var account = await Api.RegisterAsync(_client);
        await Api.LoginAsync(_client, account.Email); // warms the dummy hash and the connection pool

        var wrongPassword = new List<double>();
        var unknownEmail = new List<double>();
        string? wrongBody = null, unknownBody = null;
        for (var i = 0; i < 3; i++)
        {
            var (elapsed, body) = await TimedLogin(account.Email, "Wrong-Password-1");
            wrongPassword.Add(elapsed);
            wrongBody = body;
            (elapsed, body) = await TimedLogin(Api.UniqueEmail("nobody"), "Wrong-Password-1");
            unknownEmail.Add(elapsed);
            unknownBody = body;
        }

        unknownBody.ShouldBe(wrongBody);
        // Without the dummy hash an unknown email answers in about a millisecond against ~tens for a real check.
        unknownEmail.Order().ElementAt(1).ShouldBeGreaterThan(wrongPassword.Order().ElementAt(1) * 0.4,
            $"unknown {string.Join(",", unknownEmail)} vs wrong {string.Join(",", wrongPassword)}");
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var account = await Api.RegisterAsync(_client);
        for (var i = 0; i < 4; i++)
        {
            await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Wrong-Password-1" }, Ct);
        }
        await Api.LoginAsync(_client, account.Email);

        var afterReset = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Wrong-Password-1" }, Ct);

        await afterReset.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task An_empty_body_names_the_missing_fields()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/login", new { }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    private async Task<(double Milliseconds, string Body)> TimedLogin(string email, string password)
    {
        var watch = Stopwatch.StartNew();
        var response = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var withoutTrace = JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name is not ("traceId" or "trace_id")).ToDictionary(p => p.Name, p => p.Value));
        return (elapsed, withoutTrace);
    }
}
