using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// The two other gateway routes the call page uses, answered on the voice worker's own origin with the test's auth
/// (the page calls only its origin, as it does behind the gateway): <c>POST /api/v1/auth/login</c> signs in
/// <see cref="Email"/> as a fresh caller, <c>GET /api/v1/knowledge/bases</c> lists one knowledge base. Identity and
/// Knowledge are tested against their real services in their own projects; here only their JSON shapes matter.
/// </summary>
public sealed class GatewayStandIn(Func<Caller> newCaller) : IStartupFilter
{
    public const string Email = "caller@example.test";
    public const string Password = "correct horse battery staple";
    public static readonly Guid KnowledgeBaseId = Guid.Parse("0193a3c4-0000-7000-8000-00000000cafe");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/api/v1/auth/login", login => login.Run(LoginAsync));
        app.Map("/api/v1/knowledge/bases", list => list.Run(ListAsync));
        next(app);
    };

    private async Task LoginAsync(HttpContext http)
    {
        var body = (await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement;
        if (!HttpMethods.IsPost(http.Request.Method) || body.GetProperty("email").GetString() != Email || body.GetProperty("password").GetString() != Password)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(new { title = "Unauthorized", status = 401, code = "invalid_credentials", detail = "Wrong email or password." },
                options: null, contentType: "application/problem+json");
            return;
        }
        var caller = newCaller();
        await http.Response.WriteAsJsonAsync(new
        {
            access_token = caller.Token,
            refresh_token = "not-used-by-the-page",
            expires_in = 900,
            token_type = "Bearer",
            user = new { id = caller.UserId, tenant_id = caller.TenantId, email = Email, username = "caller", roles = new[] { "member" } },
        });
    }

    private static async Task ListAsync(HttpContext http)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            items = new[] { new { id = KnowledgeBaseId, name = "Warranty FAQ", description = "Warranty and claims" } },
            page = 1,
            page_size = 100,
            has_next = false,
        });
    }
}
