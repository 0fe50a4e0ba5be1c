using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VoiceHelper.Assistant.Tests.Infrastructure;

namespace VoiceHelper.Assistant.Tests.Mcp;

/// <summary>An MCP client lists and calls VoiceHelper's tools with a tenant's API key.</summary>
[Collection(RagCollection.Name)]
public sealed class McpServerTests(RagSystem system)
{
    private async Task<McpClient> ConnectAsync(string key)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(system.Assistant.Server.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}" },
        }, system.Assistant.CreateClient(), ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: Ct);
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    [Fact]
    public async Task A_client_lists_the_tools_with_their_parameters()
    {
        var (_, _, key) = await system.NewTenantWithApiKeyAsync("mcp");
        await using var client = await ConnectAsync(key);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);

        tools.Select(t => t.Name).Order().ShouldBe(["grounded_answer", "knowledge_search"]);
        var search = tools.Single(t => t.Name == "knowledge_search");
        search.Description.ShouldNotBeNullOrWhiteSpace();
        var properties = search.JsonSchema.GetProperty("properties");
        properties.TryGetProperty("query", out _).ShouldBeTrue(search.JsonSchema.ToString());
        search.JsonSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["query"]);
    }

    [Fact]
    public async Task Knowledge_search_and_grounded_answer_answer_from_the_tenants_knowledge()
    {
        var (tenant, _, key) = await system.NewTenantWithApiKeyAsync("mcp");
        var kb = await tenant.CreateKnowledgeBaseAsync("Returns policy");
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await using var client = await ConnectAsync(key);

        var search = await client.CallToolAsync("knowledge_search",
            new Dictionary<string, object?> { ["query"] = "return window days", ["limit"] = 3 }, cancellationToken: Ct);
        var answer = await client.CallToolAsync("grounded_answer",
            new Dictionary<string, object?> { ["question"] = "How many days do I have to return an item?", ["knowledge_base"] = $"kb:{kb}" },
            cancellationToken: Ct);

        search.IsError.ShouldNotBe(true, Text(search));
        var hits = JsonDocument.Parse(Text(search)).RootElement;
        hits.EnumerateArray().First().GetProperty("text").GetString()!.ShouldContain("30 days");
        hits.GetArrayLength().ShouldBeLessThanOrEqualTo(3);
        answer.IsError.ShouldNotBe(true, Text(answer));
        var grounded = JsonDocument.Parse(Text(answer)).RootElement;
        grounded.GetProperty("answer").GetString()!.ShouldContain("30 days");
        grounded.GetProperty("sources").EnumerateArray().ShouldAllBe(s => s.GetProperty("knowledge_base_id").GetGuid() == kb);
    }

    [Fact]
    public async Task Another_tenants_knowledge_and_bad_arguments_are_tool_errors()
    {
        var (_, _, key) = await system.NewTenantWithApiKeyAsync("mcp");
        var other = system.NewTenant();
        var otherKb = await other.CreateKnowledgeBaseAsync("Secret");
        await using var client = await ConnectAsync(key);

        var foreign = await client.CallToolAsync("grounded_answer",
            new Dictionary<string, object?> { ["question"] = "What is secret?", ["knowledge_base"] = $"kb:{otherKb}" }, cancellationToken: Ct);
        var empty = await client.CallToolAsync("knowledge_search", new Dictionary<string, object?> { ["query"] = " " }, cancellationToken: Ct);
        var tooMany = await client.CallToolAsync("knowledge_search",
            new Dictionary<string, object?> { ["query"] = "returns", ["limit"] = 500 }, cancellationToken: Ct);

        foreign.IsError.ShouldBe(true);
        Text(foreign).ShouldContain("does not exist");
        empty.IsError.ShouldBe(true);
        tooMany.IsError.ShouldBe(true);
    }

    [Fact]
    public async Task Only_keys_with_the_mcp_scope_connect()
    {
        var (_, _, chatKey) = await system.NewTenantWithApiKeyAsync("chat");
        var anonymous = system.Assistant.CreateClient();
        using var probe = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chatKey);
        probe.Headers.Accept.ParseAdd("application/json");
        probe.Headers.Accept.ParseAdd("text/event-stream");

        await (await anonymous.SendAsync(probe, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await Should.ThrowAsync<Exception>(() => ConnectAsync("vh_" + new string('z', 43)));
    }
}
