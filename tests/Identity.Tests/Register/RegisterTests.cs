using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Register;

public sealed class RegisterTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Register_then_login_then_me_returns_the_owner_of_a_new_tenant()
    {
        var email = Api.UniqueEmail();
        var register = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Acme", email = "  " + email.ToUpperInvariant(), username = "ann.smith", password = Api.StrongPassword }, Ct);

        register.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = JsonDocument.Parse(await register.Content.ReadAsStringAsync(Ct)).RootElement;
        json.GetProperty("email").GetString().ShouldBe(email, "emails are trimmed and lower-cased");
        json.GetProperty("role").GetString().ShouldBe("owner");
        json.TryGetProperty("tenant_id", out _).ShouldBeTrue("JSON is snake_case");
        json.TryGetProperty("password_hash", out _).ShouldBeFalse();
        register.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{json.GetProperty("id").GetGuid()}");

        var login = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Api.StrongPassword }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct)).RootElement;
        tokens.GetProperty("token_type").GetString().ShouldBe("Bearer");
        tokens.GetProperty("expires_in").GetInt32().ShouldBe(3600);
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();

        var me = await app.ClientWithToken(tokens.GetProperty("access_token").GetString()!).GetAsync("/api/v1/users/me", Ct);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await me.ReadAsync<UserResponse>();
        user.Id.ShouldBe(json.GetProperty("id").GetGuid());
        user.Username.ShouldBe("ann.smith");
        user.LastLoginAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Registering_an_email_twice_is_a_conflict_whatever_its_case()
    {
        var account = await Api.RegisterAsync(_client);

        var again = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Other", email = account.Email.ToUpperInvariant(), username = "someone", password = Api.StrongPassword }, Ct);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase1")]
    [InlineData("ALLUPPERCASE1")]
    [InlineData("NoDigitsHere")]
    public async Task A_weak_password_is_refused_with_the_rules_it_breaks(string password)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Acme", email = Api.UniqueEmail(), username = "weakling", password }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        problem.GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_password_equal_to_the_username_is_weak()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Acme", email = Api.UniqueEmail(), username = "Secret123x", password = "Secret123x" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "weak_password");
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_naming_the_field()
    {
        var content = new StringContent("""{"tenant_name":"Acme","email":42,"username":"x","password":"y"}""", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/v1/auth/register", content, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Broken_json_is_a_400_problem()
    {
        var content = new StringContent("""{"tenant_name": "Acme", """, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/v1/auth/register", content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task Oversized_and_missing_fields_are_a_400_listing_every_field()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = new string('t', 5000), email = "not-an-email", password = new string('P', 10_000) + "a1" }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "tenant_name", "email", "username", "password" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing in {errors}");
        }
    }
}
