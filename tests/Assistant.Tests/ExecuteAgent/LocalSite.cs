using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>
/// A web site on 127.0.0.1 for the agent's network tools: a page, a slow page, a redirect, and an MCP server
/// (ModelContextProtocol.AspNetCore, streamable HTTP at /mcp) with one tool. Counts the requests per path.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    public const string PageText = "The warehouse opens at 9 am.";
    private readonly WebApplication _app;

    private LocalSite(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    private int _orderLookups;

    public int OrderLookups => _orderLookups;

    public Uri Address { get; private set; } = null!;

    public static async Task<LocalSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        LocalSite? site = null;
        builder.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools([
            McpServerTool.Create(
                ([Description("The order number.")] string order_id) =>
                {
                    Interlocked.Increment(ref site!._orderLookups);
                    return $"Order {order_id} shipped on 2026-12-01 with tracking number TRK-{order_id}.";
                },
                new McpServerToolCreateOptions { Name = "lookup_order", Description = "Looks up an order's shipping status." }),
        ]);
        var app = builder.Build();
        site = new LocalSite(app);
        app.Use(async (http, next) =>
        {
            site.Hits.AddOrUpdate(http.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            await next(http);
        });
        app.MapGet("/page", () => PageText);
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return "late";
        });
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        app.MapMcp("/mcp");
        await app.StartAsync();
        site.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return site;
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public int HitsOn(string path) => Hits.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
