using System.Net;
using System.Text.Json;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Common;

public sealed class ServiceSurfaceTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_reports_the_database_and_redis_reachable()
    {
        var response = await _client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_identity_operation_with_its_errors()
    {
        var response = await _client.GetAsync("/openapi/v1.json", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value))
            .ToDictionary(op => op.GetProperty("operationId").GetString()!);
        operations.Keys.ShouldBe(
            ["Register", "Login", "Refresh", "Logout", "GetCurrentUser", "AddUser", "ListUsers", "GetUser", "ChangeRole", "DisableUser",
             "ListAuditLog", "GetJwks", "GetOpenIdConfiguration", "CreateApiKey", "ListApiKeys", "RevokeApiKey",
             "CreateWidgetKey", "ListWidgetKeys", "RevokeWidgetKey", "CreateWidgetSession"], ignoreOrder: true);
        operations["Login"].GetProperty("responses").TryGetProperty("423", out _).ShouldBeTrue();
        operations["ChangeRole"].GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
    }
}
