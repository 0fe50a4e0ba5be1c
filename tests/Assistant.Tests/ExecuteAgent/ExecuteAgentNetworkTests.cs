using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Tests.Infrastructure;
using static VoiceHelper.Assistant.Tests.Infrastructure.Api;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>http_get under the tenant's allow-list, against a real local web site; and the tool cache.</summary>
[Collection(RagCollection.Name)]
public sealed class ExecuteAgentNetworkTests(RagSystem system) : IAsyncLifetime
{
    private LocalSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await LocalSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private static JsonElement OnlyCall(JsonElement run) => run.ToolCalls().Single();

    [Fact]
    public async Task Http_get_to_loopback_is_refused_without_an_allow_list_and_nothing_is_sent()
    {
        var tenant = system.NewTenant();

        var run = await tenant.ExecuteAsync(new { task = $"Fetch {_site.Url("/page")}" });

        run.Status().ShouldBe("completed");
        OnlyCall(run).GetProperty("error").GetString()!.ShouldContain("not on the tenant's allow-list");
        _site.HitsOn("/page").ShouldBe(0);
    }

    [Fact]
    public async Task An_allow_listed_host_that_is_internal_is_refused_unless_its_entry_allows_private_addresses()
    {
        var tenant = system.NewTenant();
        await tenant.AllowAsync(new { host = "127.0.0.1" });

        var refused = await tenant.ExecuteAsync(new { task = $"Fetch {_site.Url("/page")}" });

        OnlyCall(refused).GetProperty("error").GetString()!.ShouldContain("internal address");
        _site.HitsOn("/page").ShouldBe(0);

        await tenant.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        var fetched = await tenant.ExecuteAsync(new { task = $"Fetch {_site.Url("/page")}" });

        var call = OnlyCall(fetched);
        (!call.TryGetProperty("error", out var error) || error.ValueKind == JsonValueKind.Null).ShouldBeTrue(call.ToString());
        call.GetProperty("result").GetProperty("status").GetInt32().ShouldBe(200);
        call.GetProperty("result").GetProperty("text").GetString().ShouldBe(LocalSite.PageText);
        _site.HitsOn("/page").ShouldBe(1);
    }

    [Fact]
    public async Task A_name_is_checked_by_the_address_it_resolves_to()
    {
        var tenant = system.NewTenant();
        await tenant.AllowAsync(new { host = "localhost" });

        var run = await tenant.ExecuteAsync(new { task = $"Fetch http://localhost:{_site.Address.Port}/page" });

        OnlyCall(run).GetProperty("error").GetString()!.ShouldContain("resolves to the internal address");
        _site.HitsOn("/page").ShouldBe(0);
    }

    [Fact]
    public async Task A_redirect_to_a_host_off_the_allow_list_is_refused_at_that_hop()
    {
        var tenant = system.NewTenant();
        await tenant.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        var offList = $"http://localhost:{_site.Address.Port}/page";

        var run = await tenant.ExecuteAsync(new { task = $"Fetch {_site.Url("/redirect?to=" + Uri.EscapeDataString(offList))}" });

        _site.HitsOn("/redirect").ShouldBe(1);
        OnlyCall(run).GetProperty("error").GetString()!.ShouldContain("'localhost' is not on the tenant's allow-list");
        _site.HitsOn("/page").ShouldBe(0);
    }

    [Fact]
    public async Task A_cached_tool_result_is_reused_and_the_tool_is_not_executed_again()
    {
        var tenant = system.NewTenant();
        await tenant.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        var task = new { task = $"Fetch {_site.Url("/page")}" };

        var first = await tenant.ExecuteAsync(task);
        var second = await tenant.ExecuteAsync(task);

        _site.HitsOn("/page").ShouldBe(1);
        OnlyCall(first).GetProperty("cached").GetBoolean().ShouldBeFalse();
        OnlyCall(second).GetProperty("cached").GetBoolean().ShouldBeTrue();
        OnlyCall(second).GetProperty("result").GetProperty("text").GetString().ShouldBe(LocalSite.PageText);
        second.GetProperty("stats").GetProperty("cached_tool_calls").GetInt32().ShouldBe(1);

        // The cache is per tenant: another tenant's identical call runs.
        var other = system.NewTenant();
        await other.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        OnlyCall(await other.ExecuteAsync(task)).GetProperty("cached").GetBoolean().ShouldBeFalse();
        _site.HitsOn("/page").ShouldBe(2);
    }

    [Fact]
    public async Task The_allow_list_is_for_owners_and_admins_and_is_validated()
    {
        var tenant = system.NewTenant();
        var memberClient = system.Assistant.CreateClient();
        memberClient.DefaultRequestHeaders.Authorization = new("Bearer", system.Keys.Tokens.Issue(tenant.TenantId, Guid.NewGuid(), ["member"]));

        (await memberClient.PutAsJsonAsync("/api/v1/agent/allow-list", new { hosts = new[] { new { host = "example.com" } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await tenant.Assistant.PutAsJsonAsync("/api/v1/agent/allow-list", new { hosts = new[] { new { host = "http://example.com/x" } } }, Ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await tenant.AllowAsync(new { host = "API.Example.com" }, new { host = "*.example.org", allow_private = true });
        var list = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/agent/allow-list", Ct);
        list.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host").GetString()).ShouldBe(["*.example.org", "api.example.com"]);
    }
}
