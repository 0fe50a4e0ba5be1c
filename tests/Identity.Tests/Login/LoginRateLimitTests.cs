using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.Login;

/// <summary>
/// One test: the per-IP window is shared by everything this client does, so splitting it would make the tests
/// depend on their order.
/// </summary>
public sealed class LoginRateLimitTests(StrictLimitsIdentityApp app) : IClassFixture<StrictLimitsIdentityApp>
{
    [Fact]
    public async Task Sign_in_is_limited_per_account_and_per_ip()
    {
        var client = app.CreateClient();
        // Limits apply at the edge: these requests come as the gateway forwards them.
        client.DefaultRequestHeaders.Add(EdgeRequest.HeaderName, "1");
        var account = await Api.RegisterAsync(client);                                    // IP permit 1
        for (var i = 0; i < StrictLimitsIdentityApp.AccountPermits; i++)
        {
            await Api.LoginAsync(client, account.Email);                                  // IP permits 2..4
        }

        var overAccount = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }, Ct);
        await overAccount.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");   // IP permit 5

        var otherAccount = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Api.UniqueEmail(), password = "Whatever-1" }, Ct);
        await otherAccount.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"); // IP permit 6

        var overIp = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Api.UniqueEmail(), password = "Whatever-1" }, Ct);
        await overIp.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        overIp.Headers.RetryAfter.ShouldNotBeNull();
    }
}
