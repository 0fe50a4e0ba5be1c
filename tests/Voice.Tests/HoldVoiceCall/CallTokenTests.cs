using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

/// <summary>
/// A call outlives its handshake's access token: the client sends fresh ones (<c>session.auth</c>), which the server
/// checks as it checked the handshake's and uses for Conversations from then on; a call left with an expired token ends.
/// </summary>
public sealed class CallTokenTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    /// <summary>A token (of the test's tokens, with their clock) that expires <paramref name="seconds"/> from now.</summary>
    private string ExpiringIn(Guid tenantId, Guid userId, int seconds, IReadOnlyDictionary<string, string>? extraClaims = null) =>
        apps.Tokens.Issue(tenantId, userId, ["member"], lifetime: TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(seconds), extraClaims: extraClaims);

    [Fact(Timeout = 180_000)]
    public async Task A_fresh_token_of_the_same_user_carries_the_call_past_the_first_tokens_expiry()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var firstExpires = DateTimeOffset.UtcNow.AddSeconds(10);
        var caller = new Caller(tenantId, userId, ExpiringIn(tenantId, userId, 10));
        await using var call = await apps.CallAsync(caller);
        var conversationId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("conversation_id").GetGuid();
        call.StartMicrophone();

        await call.SendJsonAsync(new { type = "session.auth", access_token = apps.Tokens.Issue(tenantId, userId, ["member"]) });
        var authenticated = await call.WaitForAsync("session.authenticated");
        authenticated.Event!.Value.GetProperty("expires_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(30));

        // The first token is dead for Conversations now (past its expiry plus the 1 s skew)...
        await Task.Delay(firstExpires.AddSeconds(2) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, ct);
        using (var http = new HttpClient { BaseAddress = apps.Conversations.Address })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
            (await http.GetAsync($"/api/v1/conversations/{conversationId}/messages", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // ...yet the call is open and its next turn is answered and stored with the fresh one.
        call.CloseStatus.ShouldBeNull();
        await call.SayAsync([.. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.1)]);
        var done = await call.WaitForAsync("response.done");
        done.Event!.Value.GetProperty("status").GetString().ShouldBe("completed");
        done.Event.Value.TryGetProperty("message_id", out var messageId).ShouldBeTrue();
        messageId.GetGuid().ShouldNotBe(Guid.Empty);
        call.Log.ShouldNotContain(r => r.Type == "error");
    }

    [Fact(Timeout = 180_000)]
    public async Task Another_users_or_tenants_or_a_tampered_or_expired_token_is_refused_and_the_call_goes_on_with_its_own()
    {
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        await call.WaitForAsync("session.created");
        call.StartMicrophone();

        var fresh = apps.Tokens.Issue(caller.TenantId, caller.UserId, ["member"]);
        var signature = fresh.LastIndexOf('.') + 10;
        var tampered = fresh[..signature] + (fresh[signature] == 'A' ? 'B' : 'A') + fresh[(signature + 1)..];
        var offered = new (string? Token, string Code)[]
        {
            (apps.Tokens.Issue(caller.TenantId, Guid.NewGuid(), ["member"]), "token_mismatch"),
            (apps.Tokens.Issue(Guid.NewGuid(), caller.UserId, ["member"]), "token_mismatch"),
            (tampered, "invalid_token"),
            (apps.Tokens.Issue(caller.TenantId, caller.UserId, ["member"], audience: "elsewhere"), "invalid_token"),
            (ExpiringIn(caller.TenantId, caller.UserId, -5), "token_expired"),
            (null, "invalid_token"),
        };
        var after = -1;
        foreach (var (token, code) in offered)
        {
            await call.SendJsonAsync(new { type = "session.auth", access_token = token });
            var error = await call.WaitForAsync("error", after: after);
            error.Event!.Value.GetProperty("code").GetString().ShouldBe(code, token);
            after = error.Index;
        }
        call.Log.ShouldNotContain(r => r.Type == "session.authenticated");

        // The call still works, on its own token.
        call.CloseStatus.ShouldBeNull();
        await call.SayAsync([.. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.1)]);
        (await call.WaitForAsync("response.done")).Event!.Value.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_call_whose_token_expires_without_a_fresh_one_ends_with_token_expired_and_1008()
    {
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        await using var call = await apps.CallAsync(new Caller(tenantId, userId, ExpiringIn(tenantId, userId, 6)));
        await call.WaitForAsync("session.created");
        call.StartMicrophone(); // not idle: only the token ends it

        var error = await call.WaitForAsync("error", timeoutSeconds: 20);
        error.Event!.Value.GetProperty("code").GetString().ShouldBe("token_expired");
        (await call.WaitClosedAsync()).ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_widget_visitors_fresh_token_must_be_for_the_page_the_call_came_from()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenantId = Guid.NewGuid();
        var visitorId = Guid.NewGuid();
        Dictionary<string, string> Visitor(string origin) => new()
        {
            ["widget_key"] = WidgetFront.KeyId.ToString(),
            ["origin"] = origin,
            ["kb_id"] = WidgetFront.KnowledgeBaseId.ToString(),
        };
        var token = apps.Tokens.Issue(tenantId, visitorId, [], extraClaims: Visitor("https://shop.example.com"));
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://shop.example.com");
        await socket.ConnectAsync(apps.CallUri(new Caller(tenantId, visitorId, token)), ct);
        await using var call = new CallClient(socket);
        await call.WaitForAsync("session.created");

        await call.SendJsonAsync(new { type = "session.auth", access_token = apps.Tokens.Issue(tenantId, visitorId, [], extraClaims: Visitor("https://evil.example.com")) });
        var refused = await call.WaitForAsync("error");
        refused.Event!.Value.GetProperty("code").GetString().ShouldBe("origin_not_allowed");

        // A signed-in user's token with the visitor's id is not the visitor's either.
        await call.SendJsonAsync(new { type = "session.auth", access_token = apps.Tokens.Issue(tenantId, visitorId, ["member"]) });
        (await call.WaitForAsync("error", after: refused.Index)).Event!.Value.GetProperty("code").GetString().ShouldBe("token_mismatch");

        await call.SendJsonAsync(new { type = "session.auth", access_token = apps.Tokens.Issue(tenantId, visitorId, [], extraClaims: Visitor("https://shop.example.com")) });
        await call.WaitForAsync("session.authenticated");
        call.CloseStatus.ShouldBeNull();
    }
}
